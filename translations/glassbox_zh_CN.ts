<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ColumnTypeText</name>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>date/time</source>
        <translation>日期时间</translation>
    </message>
</context>
<context>
    <name>SampleDatasets</name>
    <message>
        <source>Iris flowers (classification)</source>
        <translation>鸢尾花（分类）</translation>
    </message>
    <message>
        <source>Wine cultivars (classification)</source>
        <translation>葡萄酒品种（分类）</translation>
    </message>
    <message>
        <source>Breast cancer, Wisconsin (classification)</source>
        <translation>威斯康星乳腺癌（分类）</translation>
    </message>
    <message>
        <source>Pima Indians diabetes (classification)</source>
        <translation>皮马印第安人糖尿病（分类）</translation>
    </message>
    <message>
        <source>Weather, nominal (classification)</source>
        <translation>天气，名义型（分类）</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ColumnPanel</name>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>不同值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>25th percentile</source>
        <translation>第 25 百分位数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>75th percentile</source>
        <translation>第 75 百分位数</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Most frequent values</source>
        <translation>最常见的值</translation>
    </message>
    <message>
        <source>Select a column to see its statistics.</source>
        <translation>选择一列以查看其统计信息。</translation>
    </message>
    <message>
        <source>Computing statistics…</source>
        <translation>正在计算统计信息…</translation>
    </message>
    <message>
        <source>Could not compute the statistics: %1</source>
        <translation>无法计算统计信息：%1</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::DataTableModel</name>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Missing value</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <source>%1
Type: %2
Missing: %3</source>
        <translation>%1
类型：%2
缺失：%3</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::DataTableView</name>
    <message>
        <source>Read Column As</source>
        <translation>将列读取为</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::EngineWorker</name>
    <message>
        <source>Not enough memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::HistogramView</name>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, ARFF or SQLite file</source>
        <translation>打开 CSV、TSV、ARFF 或 SQLite 文件</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Column Statistics</source>
        <translation>列统计</translation>
    </message>
    <message>
        <source>&amp;Column Panel</source>
        <translation>列统计面板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Glassbox</source>
        <translation>关于 Glassbox(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止加载</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Glassbox</source>
        <translation>Glassbox</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 — Glassbox</source>
        <translation>%1 — Glassbox</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln columns</source>
        <translation>
            <numerusform>%Ln 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>All supported files (*.csv *.tsv *.tab *.txt *.arff *.sqlite *.sqlite3 *.db)</source>
        <translation>所有支持的文件 (*.csv *.tsv *.tab *.txt *.arff *.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>TSV files (*.tsv *.tab)</source>
        <translation>TSV 文件 (*.tsv *.tab)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>ARFF files (*.arff)</source>
        <translation>ARFF 文件 (*.arff)</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db)</source>
        <translation>SQLite 数据库 (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Data File</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 with %n warning(s).</source>
        <translation>
            <numerusform>已打开 %1，有 %n 个警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>Could not open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Glassbox could not open %1.</source>
        <translation>Glassbox 无法打开 %1。</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>已取消打开 %1。</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>选择数据表</translation>
    </message>
    <message>
        <source>%1 holds several tables. Which one should be opened?</source>
        <translation>%1 包含多个数据表。要打开哪一个？</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Glassbox %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for looking into tabular data and the machine-learning models trained on it.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Glassbox %1&lt;/h3&gt;&lt;p&gt;一个桌面工作台，用于深入查看表格数据以及在其上训练的机器学习模型。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Glassbox</source>
        <translation>关于 Glassbox</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::WarningsDialog</name>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Reading %1 gave these warnings:</source>
        <translation>读取 %1 时出现以下警告：</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Glassbox: look into tabular data and the models trained on it.</source>
        <translation>Glassbox：深入查看表格数据以及在其上训练的模型。</translation>
    </message>
    <message>
        <source>A CSV, TSV, ARFF or SQLite file to open.</source>
        <translation>要打开的 CSV、TSV、ARFF 或 SQLite 文件。</translation>
    </message>
    <message>
        <source>Open an embedded sample dataset (%1).</source>
        <translation>打开内置的示例数据集（%1）。</translation>
    </message>
    <message>
        <source>Save a picture of the window to this PNG file once the data is shown, then quit.</source>
        <translation>数据显示后，将窗口截图保存到此 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>User-interface language for this run (%1).</source>
        <translation>本次运行的界面语言（%1）。</translation>
    </message>
    <message>
        <source>Give at most one file or one --sample.</source>
        <translation>最多只能指定一个文件或一个 --sample。</translation>
    </message>
    <message>
        <source>Unknown language: %1</source>
        <translation>未知语言：%1</translation>
    </message>
    <message>
        <source>No sample named %1.</source>
        <translation>没有名为 %1 的示例。</translation>
    </message>
</context>
</TS>

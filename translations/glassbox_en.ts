<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ColumnTypeText</name>
    <message>
        <source>numeric</source>
        <translation>numeric</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>categorical</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>date/time</source>
        <translation>date/time</translation>
    </message>
</context>
<context>
    <name>SampleDatasets</name>
    <message>
        <source>Iris flowers (classification)</source>
        <translation>Iris flowers (classification)</translation>
    </message>
    <message>
        <source>Wine cultivars (classification)</source>
        <translation>Wine cultivars (classification)</translation>
    </message>
    <message>
        <source>Breast cancer, Wisconsin (classification)</source>
        <translation>Breast cancer, Wisconsin (classification)</translation>
    </message>
    <message>
        <source>Pima Indians diabetes (classification)</source>
        <translation>Pima Indians diabetes (classification)</translation>
    </message>
    <message>
        <source>Weather, nominal (classification)</source>
        <translation>Weather, nominal (classification)</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ColumnPanel</name>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Unique</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>Std. deviation</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>25th percentile</source>
        <translation>25th percentile</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>75th percentile</source>
        <translation>75th percentile</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Most frequent values</source>
        <translation>Most frequent values</translation>
    </message>
    <message>
        <source>Select a column to see its statistics.</source>
        <translation>Select a column to see its statistics.</translation>
    </message>
    <message>
        <source>Computing statistics…</source>
        <translation>Computing statistics…</translation>
    </message>
    <message>
        <source>Could not compute the statistics: %1</source>
        <translation>Could not compute the statistics: %1</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::DataTableModel</name>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Missing value</source>
        <translation>Missing value</translation>
    </message>
    <message>
        <source>%1
Type: %2
Missing: %3</source>
        <translation>%1
Type: %2
Missing: %3</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::DataTableView</name>
    <message>
        <source>Read Column As</source>
        <translation>Read Column As</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::EngineWorker</name>
    <message>
        <source>Not enough memory.</source>
        <translation>Not enough memory.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unknown error.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::HistogramView</name>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, ARFF or SQLite file</source>
        <translation>Open a CSV, TSV, ARFF or SQLite file</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>Open &amp;Sample</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Column Statistics</source>
        <translation>Column Statistics</translation>
    </message>
    <message>
        <source>&amp;Column Panel</source>
        <translation>&amp;Column Panel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Glassbox</source>
        <translation>&amp;About Glassbox</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Stop loading</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <source>Glassbox</source>
        <translation>Glassbox</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>%1 — Glassbox</source>
        <translation>%1 — Glassbox</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln columns</source>
        <translation>
            <numerusform>%Ln column</numerusform>
            <numerusform>%Ln columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>All supported files (*.csv *.tsv *.tab *.txt *.arff *.sqlite *.sqlite3 *.db)</source>
        <translation>All supported files (*.csv *.tsv *.tab *.txt *.arff *.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>TSV files (*.tsv *.tab)</source>
        <translation>TSV files (*.tsv *.tab)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>ARFF files (*.arff)</source>
        <translation>ARFF files (*.arff)</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db)</source>
        <translation>SQLite databases (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Open Data File</source>
        <translation>Open Data File</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Opened %1.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 with %n warning(s).</source>
        <translation>
            <numerusform>Opened %1 with %n warning.</numerusform>
            <numerusform>Opened %1 with %n warnings.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>Could not open %1.</translation>
    </message>
    <message>
        <source>Could not open file</source>
        <translation>Could not open file</translation>
    </message>
    <message>
        <source>Glassbox could not open %1.</source>
        <translation>Glassbox could not open %1.</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>Opening %1 was cancelled.</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>Choose a Table</translation>
    </message>
    <message>
        <source>%1 holds several tables. Which one should be opened?</source>
        <translation>%1 holds several tables. Which one should be opened?</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Glassbox %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for looking into tabular data and the machine-learning models trained on it.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Glassbox %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for looking into tabular data and the machine-learning models trained on it.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Glassbox</source>
        <translation>About Glassbox</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::WarningsDialog</name>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Reading %1 gave these warnings:</source>
        <translation>Reading %1 gave these warnings:</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Could not write %1</source>
        <translation>Could not write %1</translation>
    </message>
    <message>
        <source>Glassbox: look into tabular data and the models trained on it.</source>
        <translation>Glassbox: look into tabular data and the models trained on it.</translation>
    </message>
    <message>
        <source>A CSV, TSV, ARFF or SQLite file to open.</source>
        <translation>A CSV, TSV, ARFF or SQLite file to open.</translation>
    </message>
    <message>
        <source>Open an embedded sample dataset (%1).</source>
        <translation>Open an embedded sample dataset (%1).</translation>
    </message>
    <message>
        <source>Save a picture of the window to this PNG file once the data is shown, then quit.</source>
        <translation>Save a picture of the window to this PNG file once the data is shown, then quit.</translation>
    </message>
    <message>
        <source>User-interface language for this run (%1).</source>
        <translation>User-interface language for this run (%1).</translation>
    </message>
    <message>
        <source>Give at most one file or one --sample.</source>
        <translation>Give at most one file or one --sample.</translation>
    </message>
    <message>
        <source>Unknown language: %1</source>
        <translation>Unknown language: %1</translation>
    </message>
    <message>
        <source>No sample named %1.</source>
        <translation>No sample named %1.</translation>
    </message>
</context>
</TS>

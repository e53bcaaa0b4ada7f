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
    <name>EngineText</name>
    <message>
        <source>CART decision tree with native categorical splits and missing values, cost-complexity pruning</source>
        <translation>CART 决策树：原生支持分类特征分裂和缺失值，代价复杂度剪枝</translation>
    </message>
    <message>
        <source>random forest: bagged CART trees with feature subsampling, grown in parallel, out-of-bag score</source>
        <translation>随机森林：带特征子采样的装袋（bagging）CART 树，并行生长，提供袋外（OOB）评分</translation>
    </message>
    <message>
        <source>Histogram-based gradient boosted trees, grown leaf-wise (as LightGBM / XGBoost hist)</source>
        <translation>基于直方图的梯度提升树，按叶生长（同 LightGBM / XGBoost hist）</translation>
    </message>
    <message>
        <source>Logistic regression (binary or multinomial) with L2, L1 or elastic-net penalty</source>
        <translation>逻辑回归（二分类或多项），支持 L2、L1 或弹性网络惩罚</translation>
    </message>
    <message>
        <source>Linear regression: least squares, ridge, lasso or elastic net</source>
        <translation>线性回归：最小二乘、岭回归、Lasso 或弹性网络</translation>
    </message>
    <message>
        <source>k nearest neighbours: votes (or averages) over the most similar training rows</source>
        <translation>k 近邻：在最相似的训练行中投票（或取平均）</translation>
    </message>
    <message>
        <source>Naive Bayes: Gaussian numeric features, smoothed category counts, class priors</source>
        <translation>朴素贝叶斯：数值特征用高斯分布，类别计数经平滑，带类别先验</translation>
    </message>
    <message>
        <source>Multilayer perceptron (LibTorch): dense layers trained by Adam or SGD</source>
        <translation>多层感知机（LibTorch）：由 Adam 或 SGD 训练的全连接层</translation>
    </message>
    <message>
        <source>split quality: gini or entropy (classification); regression always uses squared_error</source>
        <translation>分裂质量：gini 或 entropy（分类）；回归始终使用 squared_error</translation>
    </message>
    <message>
        <source>deepest level a leaf may have (none: grow until pure)</source>
        <translation>叶节点允许的最大深度（none：生长到纯净为止）</translation>
    </message>
    <message>
        <source>fewest rows a node needs to be split</source>
        <translation>节点可分裂所需的最少行数</translation>
    </message>
    <message>
        <source>fewest rows in a leaf</source>
        <translation>叶节点中的最少行数</translation>
    </message>
    <message>
        <source>features drawn per split: sqrt, log2, all or a fraction</source>
        <translation>每次分裂抽取的特征数：sqrt、log2、all 或一个比例</translation>
    </message>
    <message>
        <source>smallest weighted impurity decrease a split must bring</source>
        <translation>分裂必须带来的最小加权不纯度下降</translation>
    </message>
    <message>
        <source>balanced: weight classes inversely to their frequency</source>
        <translation>balanced：按类别频率的倒数为类别加权</translation>
    </message>
    <message>
        <source>cost-complexity pruning strength (0: no pruning)</source>
        <translation>代价复杂度剪枝强度（0：不剪枝）</translation>
    </message>
    <message>
        <source>value bins per numeric feature when searching thresholds</source>
        <translation>搜索阈值时每个数值特征的分箱数</translation>
    </message>
    <message>
        <source>number of trees</source>
        <translation>树的数量</translation>
    </message>
    <message>
        <source>grow each tree on a bootstrap sample of the rows (gives the out-of-bag score)</source>
        <translation>每棵树在行的自助（bootstrap）样本上生长（可得到袋外评分）</translation>
    </message>
    <message>
        <source>bootstrap sample size as a fraction of the rows (none: all)</source>
        <translation>自助样本大小占行数的比例（none：全部）</translation>
    </message>
    <message>
        <source>features drawn per split: sqrt, log2, all, a fraction, or auto (sqrt for classification, all for regression)</source>
        <translation>每次分裂抽取的特征数：sqrt、log2、all、一个比例，或 auto（分类用 sqrt，回归用 all）</translation>
    </message>
    <message>
        <source>Boosting rounds (one tree per round, one per class and round for 3+ classes)</source>
        <translation>提升轮数（每轮一棵树；3 个及以上类别时每轮每个类别一棵）</translation>
    </message>
    <message>
        <source>Shrinkage: each tree&apos;s leaf values are multiplied by it</source>
        <translation>收缩率：每棵树的叶节点值都乘以该值</translation>
    </message>
    <message>
        <source>Leaves per tree; trees grow best-first (leaf-wise) up to it</source>
        <translation>每棵树的叶节点数；树按最优优先（按叶）生长至此数量</translation>
    </message>
    <message>
        <source>Depth limit of each tree (none: only max_leaves limits it)</source>
        <translation>每棵树的深度上限（none：仅受 max_leaves 限制）</translation>
    </message>
    <message>
        <source>L2 regularization of leaf values: leaf = -G / (H + lambda)</source>
        <translation>叶节点值的 L2 正则化：leaf = -G / (H + lambda)</translation>
    </message>
    <message>
        <source>Smallest hessian sum a child may have (as XGBoost; with squared error, rows)</source>
        <translation>子节点允许的最小 Hessian 和（同 XGBoost；平方误差时即行数）</translation>
    </message>
    <message>
        <source>Smallest gain (XGBoost&apos;s loss change) a split needs</source>
        <translation>分裂所需的最小增益（即 XGBoost 的损失变化）</translation>
    </message>
    <message>
        <source>Fraction of rows each round trains on (seeded draw per round)</source>
        <translation>每轮训练所用行的比例（每轮按种子抽取）</translation>
    </message>
    <message>
        <source>Fraction of features each tree may split on (seeded draw per tree)</source>
        <translation>每棵树可用于分裂的特征比例（每棵树按种子抽取）</translation>
    </message>
    <message>
        <source>Bins per feature (values are binned once before boosting)</source>
        <translation>每个特征的分箱数（在提升前一次性分箱）</translation>
    </message>
    <message>
        <source>Hold out validation_fraction of the rows and stop when its loss stops improving</source>
        <translation>留出 validation_fraction 比例的行，在其损失不再改善时停止</translation>
    </message>
    <message>
        <source>Share of rows held out for early stopping (stratified for classification)</source>
        <translation>为早停留出的行比例（分类时分层抽取）</translation>
    </message>
    <message>
        <source>Early stopping: rounds without a better validation loss before stopping</source>
        <translation>早停：验证损失未改善多少轮后停止</translation>
    </message>
    <message>
        <source>Classification: weight classes equally (balanced) or rows equally (none)</source>
        <translation>分类：各类别等权（balanced）或各行等权（none）</translation>
    </message>
    <message>
        <source>Penalty on the coefficients (the intercept is never penalized)</source>
        <translation>系数的惩罚项（截距从不受惩罚）</translation>
    </message>
    <message>
        <source>Inverse regularization strength: loss = C·Σ log-loss + penalty</source>
        <translation>正则化强度的倒数：损失 = C·Σ 对数损失 + 惩罚项</translation>
    </message>
    <message>
        <source>Elastic net: share of the L1 part in the penalty</source>
        <translation>弹性网络：惩罚项中 L1 部分所占比例</translation>
    </message>
    <message>
        <source>Maximum number of solver (L-BFGS / OWL-QN) iterations</source>
        <translation>求解器（L-BFGS / OWL-QN）的最大迭代次数</translation>
    </message>
    <message>
        <source>Stop when every gradient component of the mean loss is at most tol, or an iteration lowers the loss by less than tol·0.0022 of it</source>
        <translation>当平均损失的每个梯度分量都不超过 tol，或某次迭代使损失降低不足其 tol·0.0022 时停止</translation>
    </message>
    <message>
        <source>balanced: weight classes inversely to their counts; none: every row 1</source>
        <translation>balanced：按类别计数的倒数为类别加权；none：每行权重均为 1</translation>
    </message>
    <message>
        <source>Fit an intercept (unpenalized)</source>
        <translation>拟合截距（不受惩罚）</translation>
    </message>
    <message>
        <source>none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both</source>
        <translation>none：普通最小二乘；l2：岭回归；l1：Lasso；elasticnet：两者兼有</translation>
    </message>
    <message>
        <source>Penalty strength, as scikit-learn&apos;s Ridge (‖y−Xw‖² + alpha·‖w‖²) and Lasso / ElasticNet (‖y−Xw‖²/(2n) + alpha·penalty)</source>
        <translation>惩罚强度，同 scikit-learn 的 Ridge（‖y−Xw‖² + alpha·‖w‖²）和 Lasso / ElasticNet（‖y−Xw‖²/(2n) + alpha·惩罚项）</translation>
    </message>
    <message>
        <source>Maximum iterations of the iterative solvers (lasso, elastic net, many columns)</source>
        <translation>迭代求解器的最大迭代次数（Lasso、弹性网络、列数很多时）</translation>
    </message>
    <message>
        <source>Convergence tolerance (duality gap relative to Σ(y−ȳ)² for lasso and elastic net; gradient size relative to the target&apos;s spread with many columns)</source>
        <translation>收敛容差（Lasso 和弹性网络：相对于 Σ(y−ȳ)² 的对偶间隙；列数很多时：相对于目标离散程度的梯度大小）</translation>
    </message>
    <message>
        <source>Neighbours that vote for each prediction (at most the training rows)</source>
        <translation>每次预测参与投票的近邻数（不超过训练行数）</translation>
    </message>
    <message>
        <source>uniform: every neighbour counts the same; distance: 1 / distance (exact matches take all the weight)</source>
        <translation>uniform：每个近邻权重相同；distance：权重为 1 / 距离（完全匹配的行获得全部权重）</translation>
    </message>
    <message>
        <source>Distance between rows: straight-line or sum of absolute differences</source>
        <translation>行之间的距离：直线距离（欧氏）或绝对差之和（曼哈顿）</translation>
    </message>
    <message>
        <source>Column scaling before distances: mean 0 and deviation 1, range [0, 1], or none</source>
        <translation>计算距离前的列缩放：均值 0、标准差 1，范围 [0, 1]，或不缩放</translation>
    </message>
    <message>
        <source>Neighbour search (same results): auto uses a KD-tree up to 64 encoded columns, brute force above</source>
        <translation>近邻搜索方式（结果相同）：auto 在编码后不超过 64 列时使用 KD 树，超过则暴力搜索</translation>
    </message>
    <message>
        <source>Added to every Gaussian variance, as a fraction of the largest numeric feature variance</source>
        <translation>加到每个高斯方差上的值，以最大数值特征方差的比例表示</translation>
    </message>
    <message>
        <source>Additive smoothing of category counts (1: Laplace)</source>
        <translation>类别计数的加法平滑（1：拉普拉斯平滑）</translation>
    </message>
    <message>
        <source>Class priors: none uses class frequencies, balanced makes them equal</source>
        <translation>类别先验：none 使用类别频率，balanced 使各类别相等</translation>
    </message>
    <message>
        <source>units of each hidden layer, comma-separated (e.g. 64,64)</source>
        <translation>每个隐藏层的单元数，以逗号分隔（例如 64,64）</translation>
    </message>
    <message>
        <source>activation of the hidden units</source>
        <translation>隐藏单元的激活函数</translation>
    </message>
    <message>
        <source>fraction of hidden units dropped at random in each training batch</source>
        <translation>每个训练批次中随机丢弃的隐藏单元比例</translation>
    </message>
    <message>
        <source>L2 penalty on the weights (scikit-learn&apos;s alpha)</source>
        <translation>权重的 L2 惩罚（即 scikit-learn 的 alpha）</translation>
    </message>
    <message>
        <source>Adam, or stochastic gradient descent with Nesterov momentum</source>
        <translation>Adam，或带 Nesterov 动量的随机梯度下降</translation>
    </message>
    <message>
        <source>initial step size of the optimizer</source>
        <translation>优化器的初始步长</translation>
    </message>
    <message>
        <source>momentum of SGD (unused by Adam)</source>
        <translation>SGD 的动量（Adam 不使用）</translation>
    </message>
    <message>
        <source>learning rate over the epochs: constant, step (x0.1 at 50% and 75%), or cosine</source>
        <translation>学习率随轮次的变化：constant（恒定）、step（在 50% 和 75% 处乘以 0.1）或 cosine（余弦）</translation>
    </message>
    <message>
        <source>rows per minibatch (auto: min(200, rows))</source>
        <translation>每个小批量的行数（auto：min(200, 行数)）</translation>
    </message>
    <message>
        <source>maximum number of passes over the training rows</source>
        <translation>遍历训练行的最大轮数（epoch）</translation>
    </message>
    <message>
        <source>hold out validation_fraction of the rows and stop when their score stalls</source>
        <translation>留出 validation_fraction 比例的行，在其评分停滞时停止</translation>
    </message>
    <message>
        <source>fraction of the rows held out for early stopping</source>
        <translation>为早停留出的行比例</translation>
    </message>
    <message>
        <source>epochs without an improvement of at least tol before stopping</source>
        <translation>连续多少轮未改善至少 tol 后停止</translation>
    </message>
    <message>
        <source>smallest improvement of the loss (or validation score) that counts</source>
        <translation>被视为改善的损失（或验证评分）最小变化量</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>index</source>
        <comment>fold rule: row i goes to fold i mod K</comment>
        <translation>按索引</translation>
    </message>
    <message>
        <source>stratified</source>
        <comment>fold rule: classes spread evenly over the folds</comment>
        <translation>分层</translation>
    </message>
    <message>
        <source>%1-fold cross-validation (%2), pooled out-of-fold predictions</source>
        <translation>%1 折交叉验证（%2），合并折外预测</translation>
    </message>
    <message numerus="yes">
        <source>holdout: %n test row(s) (%1)</source>
        <translation>
            <numerusform>留出法：%n 个测试行（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>training rows (no validation)</source>
        <translation>训练行（无验证）</translation>
    </message>
    <message>
        <source>Cast columns, parse dates, and select, drop or rename columns</source>
        <translation>转换列类型、解析日期，选择、删除或重命名列</translation>
    </message>
    <message>
        <source>Check value ranges, allowed categories and required values; report or drop the rows that break a rule</source>
        <translation>检查取值范围、允许的类别和必填值；报告或删除违反规则的行</translation>
    </message>
    <message>
        <source>Drop columns with too many missing values, and training rows with a missing value</source>
        <translation>删除缺失值过多的列，以及含缺失值的训练行</translation>
    </message>
    <message>
        <source>Fill missing cells with the training rows&apos; mean, median, most frequent value or a constant</source>
        <translation>用训练行的均值、中位数、众数或常数填补缺失单元格</translation>
    </message>
    <message>
        <source>Add a true/false column telling where a column&apos;s value is missing</source>
        <translation>添加一个真/假列，标出某列值缺失的位置</translation>
    </message>
    <message>
        <source>Drop training rows that repeat an earlier row, keeping the first</source>
        <translation>删除与前面某行重复的训练行，保留第一次出现的行</translation>
    </message>
    <message>
        <source>Outliers by z-score, interquartile range or isolation forest, learnt on the training rows: flagged in a column or dropped from training</source>
        <translation>按 z 分数、四分位距或孤立森林（在训练行上学习）识别离群值：在一列中标记，或从训练数据中删除</translation>
    </message>
    <message>
        <source>Scale numeric columns (standard, min-max or robust) by statistics of the training rows</source>
        <translation>按训练行的统计量缩放数值列（标准化、最小-最大或稳健缩放）</translation>
    </message>
    <message>
        <source>Encode categorical columns one-hot or as ordinal codes, with the levels of the training rows</source>
        <translation>按训练行中的类别水平，对分类列进行独热编码或序数编码</translation>
    </message>
    <message>
        <source>Bin numeric columns into categorical intervals (equal width or quantiles of the training rows)</source>
        <translation>将数值列分箱为分类区间（等宽或按训练行的分位数）</translation>
    </message>
    <message>
        <source>random over-sampling of the smaller classes (training rows only)</source>
        <translation>对较小的类别随机过采样（仅训练行）</translation>
    </message>
    <message>
        <source>random under-sampling of the larger classes (training rows only)</source>
        <translation>对较大的类别随机欠采样（仅训练行）</translation>
    </message>
    <message>
        <source>SMOTE: synthetic rows of the smaller classes between neighbours, numeric features (training rows only)</source>
        <translation>SMOTE：在近邻之间为较小类别合成新行，用于数值特征（仅训练行）</translation>
    </message>
    <message>
        <source>SMOTE-NC: SMOTE for numeric and categorical features (training rows only)</source>
        <translation>SMOTE-NC：适用于数值和分类特征的 SMOTE（仅训练行）</translation>
    </message>
    <message>
        <source>Column roles (identifier, quasi-identifier, sensitive): identifiers kept as text, never features; report of k-anonymity and l-diversity</source>
        <translation>列角色（标识符、准标识符、敏感属性）：标识符保留为文本，绝不作为特征；报告 k-匿名性和 l-多样性</translation>
    </message>
    <message>
        <source>Replace identifiers by keyed pseudonyms (HMAC-SHA256 under a secret key file), kept as text columns</source>
        <translation>用带密钥的假名（以密钥文件进行 HMAC-SHA256）替换标识符，保留为文本列</translation>
    </message>
    <message>
        <source>Generalize quasi-identifiers: numbers to ranges, dates to months or years, strings truncated</source>
        <translation>泛化准标识符：数值变为区间，日期变为月份或年份，字符串截断</translation>
    </message>
    <message>
        <source>k-anonymity over quasi-identifiers: report the smallest group of rows sharing their values, suppress the rows of groups smaller than k</source>
        <translation>基于准标识符的 k-匿名：报告取值相同的最小行组，抑制小于 k 的组中的行</translation>
    </message>
    <message>
        <source>Differentially private release of numeric columns: Laplace or Gaussian noise on a grid from the system&apos;s CSPRNG, epsilon charged to the privacy budget</source>
        <translation>数值列的差分隐私发布：由系统 CSPRNG 生成网格上的拉普拉斯或高斯噪声，epsilon 计入隐私预算</translation>
    </message>
    <message>
        <source>Columns and their new types, e.g. age=numeric;zip=categorical</source>
        <translation>列及其新类型，例如 age=numeric;zip=categorical</translation>
    </message>
    <message>
        <source>Columns read as dates, e.g. when=%Y-%m-%d (no pattern: ISO 8601)</source>
        <translation>按日期读取的列，例如 when=%Y-%m-%d（无格式：ISO 8601）</translation>
    </message>
    <message>
        <source>Keep only these columns (&apos;;&apos; list)</source>
        <translation>只保留这些列（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>Drop these columns (&apos;;&apos; list)</source>
        <translation>删除这些列（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>Renames, e.g. old&gt;new;a&gt;b</source>
        <translation>重命名，例如 old&gt;new;a&gt;b</translation>
    </message>
    <message>
        <source>Rules separated by &apos;;&apos;: COLUMN&gt;=N, COLUMN&lt;=N, COLUMN&gt;N, COLUMN&lt;N, COLUMN in A|B|C, COLUMN not-missing</source>
        <translation>用 &apos;;&apos; 分隔的规则：COLUMN&gt;=N、COLUMN&lt;=N、COLUMN&gt;N、COLUMN&lt;N、COLUMN in A|B|C、COLUMN not-missing</translation>
    </message>
    <message>
        <source>Only report the rows breaking a rule, or also drop them from the training rows</source>
        <translation>只报告违反规则的行，或同时从训练行中删除它们</translation>
    </message>
    <message>
        <source>Row numbers listed per rule in the report</source>
        <translation>报告中每条规则列出的行号数量</translation>
    </message>
    <message>
        <source>Drop a column whose share of missing training cells exceeds this</source>
        <translation>训练单元格缺失比例超过此值的列将被删除</translation>
    </message>
    <message>
        <source>Drop training rows with a missing value</source>
        <translation>删除含缺失值的训练行</translation>
    </message>
    <message>
        <source>Columns whose missing values drop a row (&apos;;&apos; list); empty: every column</source>
        <translation>其缺失值会导致删除该行的列（用 &apos;;&apos; 分隔）；留空：所有列</translation>
    </message>
    <message>
        <source>How the fill value is learnt from the training rows</source>
        <translation>如何从训练行学习填补值</translation>
    </message>
    <message>
        <source>Columns to impute (&apos;;&apos; list); empty: every column with missing values but the target</source>
        <translation>要填补的列（用 &apos;;&apos; 分隔）；留空：除目标外所有含缺失值的列</translation>
    </message>
    <message>
        <source>The fill value of strategy constant</source>
        <translation>constant 策略使用的填补值</translation>
    </message>
    <message>
        <source>Columns to flag (&apos;;&apos; list); empty: every column with missing values but the target</source>
        <translation>要标记的列（用 &apos;;&apos; 分隔）；留空：除目标外所有含缺失值的列</translation>
    </message>
    <message>
        <source>Columns compared (&apos;;&apos; list); empty: every column</source>
        <translation>参与比较的列（用 &apos;;&apos; 分隔）；留空：所有列</translation>
    </message>
    <message>
        <source>z-score, interquartile range or isolation forest</source>
        <translation>z 分数、四分位距或孤立森林</translation>
    </message>
    <message>
        <source>z: largest |z| kept (auto 3); iqr: IQRs beyond the quartiles kept (auto 1.5)</source>
        <translation>z：保留的最大 |z|（auto 为 3）；iqr：四分位数之外保留的 IQR 倍数（auto 为 1.5）</translation>
    </message>
    <message>
        <source>isolation forest: share of training rows that are outliers</source>
        <translation>孤立森林：离群训练行所占比例</translation>
    </message>
    <message>
        <source>isolation forest: number of trees</source>
        <translation>孤立森林：树的数量</translation>
    </message>
    <message>
        <source>isolation forest: rows drawn for each tree</source>
        <translation>孤立森林：每棵树抽取的行数</translation>
    </message>
    <message>
        <source>numeric columns to check; auto: all but the target</source>
        <translation>要检查的数值列；auto：除目标外的所有列</translation>
    </message>
    <message>
        <source>flag: add a boolean &quot;outlier&quot; column; drop: remove outlier rows from the training data</source>
        <translation>flag：添加布尔列“outlier”；drop：从训练数据中删除离群行</translation>
    </message>
    <message>
        <source>standard: mean 0, std 1; minmax: [0, 1]; robust: median 0, IQR 1</source>
        <translation>standard：均值 0、标准差 1；minmax：[0, 1]；robust：中位数 0、IQR 1</translation>
    </message>
    <message>
        <source>numeric columns to scale; auto: all but the target</source>
        <translation>要缩放的数值列；auto：除目标外的所有列</translation>
    </message>
    <message>
        <source>one-hot: a 0/1 column per level; ordinal: one column of level codes</source>
        <translation>one-hot：每个水平一列 0/1；ordinal：一列水平编码</translation>
    </message>
    <message>
        <source>one-hot: leave out the first level&apos;s column</source>
        <translation>one-hot：省略第一个水平的列</translation>
    </message>
    <message>
        <source>ordinal: the levels in code order (a;b;c), or sorted</source>
        <translation>ordinal：按编码顺序排列的水平（a;b;c），或 sorted</translation>
    </message>
    <message>
        <source>categorical columns to encode; auto: all but the target</source>
        <translation>要编码的分类列；auto：除目标外的所有列</translation>
    </message>
    <message>
        <source>equal-width bins between the training min and max, or bins holding equal shares of the training rows</source>
        <translation>在训练最小值与最大值之间等宽分箱，或使各箱包含相同比例的训练行</translation>
    </message>
    <message>
        <source>number of bins</source>
        <translation>箱数</translation>
    </message>
    <message>
        <source>numeric columns to bin; auto: all but the target</source>
        <translation>要分箱的数值列；auto：除目标外的所有列</translation>
    </message>
    <message>
        <source>each smaller class is raised to ratio x the largest class&apos;s rows (1 balances the classes)</source>
        <translation>每个较小类别增加到最大类别行数的 ratio 倍（1 表示各类平衡）</translation>
    </message>
    <message>
        <source>each larger class is cut to the smallest class&apos;s rows / ratio (1 balances the classes)</source>
        <translation>每个较大类别减少到最小类别行数除以 ratio（1 表示各类平衡）</translation>
    </message>
    <message>
        <source>nearest neighbours of the same class</source>
        <translation>同类别的最近邻数量</translation>
    </message>
    <message>
        <source>Columns that name a person (&apos;;&apos; list): kept as text, never features</source>
        <translation>可直接识别个人的列（用 &apos;;&apos; 分隔）：保留为文本，绝不作为特征</translation>
    </message>
    <message>
        <source>Columns that together could single a person out (&apos;;&apos; list)</source>
        <translation>组合起来可能识别出个人的列（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>Columns whose values must not be tied to a person (&apos;;&apos; list)</source>
        <translation>其取值不得与个人关联的列（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>The k of k-anonymity the report measures against</source>
        <translation>报告所依据的 k-匿名中的 k</translation>
    </message>
    <message>
        <source>Identifier columns to pseudonymize (&apos;;&apos; list)</source>
        <translation>要假名化的标识符列（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>File of the secret key, kept apart from the data; created with mode 0600 on first use</source>
        <translation>密钥文件，与数据分开保存；首次使用时以 0600 权限创建</translation>
    </message>
    <message>
        <source>Hex digits of the HMAC kept in each pseudonym</source>
        <translation>每个假名保留的 HMAC 十六进制位数</translation>
    </message>
    <message>
        <source>Text put before the hex digits</source>
        <translation>放在十六进制数字前的文本</translation>
    </message>
    <message>
        <source>Quasi-identifier columns to generalize (&apos;;&apos; list)</source>
        <translation>要泛化的准标识符列（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>ranges: numbers to ranges; month, year: dates; truncate: strings cut short</source>
        <translation>ranges：数值变为区间；month、year：日期；truncate：截短字符串</translation>
    </message>
    <message>
        <source>ranges: the width of each range</source>
        <translation>ranges：每个区间的宽度</translation>
    </message>
    <message>
        <source>ranges: where a range starts</source>
        <translation>ranges：区间的起点</translation>
    </message>
    <message>
        <source>truncate: characters kept</source>
        <translation>truncate：保留的字符数</translation>
    </message>
    <message>
        <source>truncate: appended to a cut value</source>
        <translation>truncate：附加在截断值后的文本</translation>
    </message>
    <message>
        <source>Every combination of quasi-identifier values is shared by at least k rows</source>
        <translation>每种准标识符取值组合至少由 k 行共享</translation>
    </message>
    <message>
        <source>report: measure only; suppress: remove the training rows of groups smaller than k</source>
        <translation>report：仅度量；suppress：删除小于 k 的组中的训练行</translation>
    </message>
    <message>
        <source>Numeric columns to release with noise (&apos;;&apos; list), without missing values</source>
        <translation>加噪发布的数值列（用 &apos;;&apos; 分隔），不得含缺失值</translation>
    </message>
    <message>
        <source>Privacy loss of the step, split evenly over the columns</source>
        <translation>该步骤的隐私损失，平均分配到各列</translation>
    </message>
    <message>
        <source>laplace: epsilon-DP; gaussian: (epsilon, delta)-DP</source>
        <translation>laplace：epsilon-差分隐私；gaussian：(epsilon, delta)-差分隐私</translation>
    </message>
    <message>
        <source>gaussian: the delta of (epsilon, delta)-DP, below 1, split like epsilon</source>
        <translation>gaussian：(epsilon, delta)-差分隐私中的 delta，小于 1，与 epsilon 一样分配</translation>
    </message>
    <message>
        <source>Values are clamped to at least this: auto (the data&apos;s minimum, not private), one number or one per column (&apos;;&apos; list)</source>
        <translation>值被截断到不小于此值：auto（数据最小值，不具隐私性）、一个数，或每列一个（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>Values are clamped to at most this: auto (the data&apos;s maximum, not private), one number or one per column (&apos;;&apos; list)</source>
        <translation>值被截断到不大于此值：auto（数据最大值，不具隐私性）、一个数，或每列一个（用 &apos;;&apos; 分隔）</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>target k</source>
        <translation>目标 k</translation>
    </message>
    <message>
        <source>k before</source>
        <translation>之前的 k</translation>
    </message>
    <message>
        <source>rows at risk</source>
        <translation>有风险的行</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>等价类数</translation>
    </message>
    <message>
        <source>identifiers</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>l-diversity</source>
        <translation>l-多样性</translation>
    </message>
    <message>
        <source>key id</source>
        <translation>密钥标识</translation>
    </message>
    <message>
        <source>epsilon spent</source>
        <translation>已花费 epsilon</translation>
    </message>
    <message>
        <source>delta spent</source>
        <translation>已花费 delta</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>synthetic rows</source>
        <translation>合成行</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>score threshold</source>
        <translation>分数阈值</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>rows with missing values (not used by SMOTE)</source>
        <translation>含缺失值的行（SMOTE 不使用）</translation>
    </message>
    <message>
        <source>rows per class before</source>
        <translation>之前每类行数</translation>
    </message>
    <message>
        <source>rows per class after</source>
        <translation>之后每类行数</translation>
    </message>
    <message>
        <source>rows breaking a rule</source>
        <translation>违反规则的行</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>outlier rows</source>
        <translation>离群行</translation>
    </message>
    <message>
        <source>k used (small classes)</source>
        <translation>使用的 k（小类别）</translation>
    </message>
    <message>
        <source>duplicate groups</source>
        <translation>重复组</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>unknown levels in %1</source>
        <translation>%1 中的未知水平</translation>
    </message>
    <message>
        <source>rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message>
        <source>distinct values %1</source>
        <translation>%1 的不同值数</translation>
    </message>
    <message>
        <source>distinct before %1</source>
        <translation>%1 之前的不同值数</translation>
    </message>
    <message>
        <source>distinct after %1</source>
        <translation>%1 之后的不同值数</translation>
    </message>
    <message>
        <source>dates %1</source>
        <translation>日期 %1</translation>
    </message>
    <message>
        <source>cast %1</source>
        <translation>转换 %1</translation>
    </message>
    <message>
        <source>bounds %1</source>
        <translation>%1 的界限</translation>
    </message>
    <message>
        <source>bins %1</source>
        <translation>%1 的分箱</translation>
    </message>
    <message>
        <source>noise sd %1</source>
        <translation>%1 的噪声标准差</translation>
    </message>
    <message>
        <source>grid step %1</source>
        <translation>%1 的网格步长</translation>
    </message>
    <message>
        <source>l-diversity %1</source>
        <translation>%1 的 l-多样性</translation>
    </message>
</context>
<context>
    <name>EngineThread</name>
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
    <name>PlotExport</name>
    <message>
        <source>Cannot export to %1: use a .png, .svg or .pdf file name.</source>
        <translation>无法导出到 %1：请使用 .png、.svg 或 .pdf 文件名。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
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
    <name>glassbox::gui::CalibrationPlot</name>
    <message>
        <source>Perfectly calibrated</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准曲线</translation>
    </message>
    <message>
        <source>Calibration — positive class: %1</source>
        <translation>校准曲线 — 正类：%1</translation>
    </message>
    <message>
        <source>Calibration — each class against the rest</source>
        <translation>校准曲线 — 各类别对其余类别</translation>
    </message>
    <message>
        <source>Calibration — %1 against the rest</source>
        <translation>校准曲线 — %1 对其余类别</translation>
    </message>
    <message>
        <source>No curves to show</source>
        <translation>没有可显示的曲线</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) of equal width</source>
        <translation>
            <numerusform>%n 个等宽分箱</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) holding equal numbers of scores</source>
        <translation>
            <numerusform>%n 个等频分箱（每箱得分数相同）</numerusform>
        </translation>
    </message>
    <message>
        <source>histogram: rows per bin, %1 rows</source>
        <translation>直方图：每箱行数，共 %1 行</translation>
    </message>
    <message>
        <source>empty bins have no point</source>
        <translation>空箱不绘制点</translation>
    </message>
    <message>
        <source>Fraction of positives</source>
        <translation>正类比例</translation>
    </message>
    <message>
        <source>Predicted probability</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
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
    <name>glassbox::gui::ConfusionMatrixView</name>
    <message>
        <source>True: %1
Predicted: %2
%3 rows: %4 of the true class, %5 of all</source>
        <translation>真实：%1
预测：%2
%3 行：占该真实类别的 %4，占全部的 %5</translation>
    </message>
    <message>
        <source>True class: %1</source>
        <translation>真实类别：%1</translation>
    </message>
    <message>
        <source>Predicted class: %1</source>
        <translation>预测类别：%1</translation>
    </message>
    <message>
        <source>No confusion matrix</source>
        <translation>无混淆矩阵</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Rows: true class; columns: predicted class. Click a cell to select its rows.</source>
        <translation>行：真实类别；列：预测类别。点击单元格可选中其对应的行。</translation>
    </message>
    <message>
        <source>&amp;Percent of:</source>
        <translation>百分比基准(&amp;P)：</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>all rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>What each cell&apos;s percentage is relative to; the colour always shows the share of the true class</source>
        <translation>每个单元格百分比的计算基准；颜色始终表示占真实类别的比例</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::CurveRunsPlot</name>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Every class</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>%1 against the rest</source>
        <translation>%1 对其余类别</translation>
    </message>
    <message>
        <source>Micro average</source>
        <translation>微平均</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>Curves:</source>
        <translation>曲线：</translation>
    </message>
    <message>
        <source>Which class&apos;s curves are shown (one class against the rest)</source>
        <translation>显示哪个类别的曲线（一个类别对其余类别）</translation>
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
    <name>glassbox::gui::ExplainView</name>
    <message>
        <source>Tree</source>
        <translation>决策树</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>特征重要性</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>精确率–召回率</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准曲线</translation>
    </message>
    <message>
        <source>SHAP</source>
        <translation>SHAP</translation>
    </message>
    <message>
        <source>Partial dependence</source>
        <translation>部分依赖</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>调优</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>蜂群图</translation>
    </message>
    <message>
        <source>Mean |SHAP|</source>
        <translation>平均 |SHAP|</translation>
    </message>
    <message>
        <source>One row</source>
        <translation>单行瀑布图</translation>
    </message>
    <message>
        <source>Dependence</source>
        <translation>依赖图</translation>
    </message>
    <message>
        <source>Impurity / gain (from the trees)</source>
        <translation>不纯度 / 增益（来自树）</translation>
    </message>
    <message>
        <source>Permutation (on the data, 5 repeats)</source>
        <translation>置换（基于数据，重复 5 次）</translation>
    </message>
    <message>
        <source>Train a model (or select a run) to explain it.</source>
        <translation>训练一个模型（或选择一次运行）以对其进行解释。</translation>
    </message>
    <message>
        <source>%1 has no trees to draw.</source>
        <translation>%1 没有可绘制的树。</translation>
    </message>
    <message>
        <source>Select a row in the data table to see its path; click a node to select its rows.</source>
        <translation>在数据表中选择一行可查看其决策路径；点击节点可选中其对应的行。</translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation>，版本 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt;: %2 → %3%4</source>
        <translation>&lt;b&gt;运行 %1&lt;/b&gt;：%2 → %3%4</translation>
    </message>
    <message>
        <source>Curves are drawn for classification models.</source>
        <translation>仅为分类模型绘制曲线。</translation>
    </message>
    <message>
        <source>Run %1 %2</source>
        <translation>运行 %1 %2</translation>
    </message>
    <message>
        <source>Computing the curves…</source>
        <translation>正在计算曲线…</translation>
    </message>
    <message>
        <source>Computing the importance…</source>
        <translation>正在计算特征重要性…</translation>
    </message>
    <message>
        <source>Computing SHAP values…</source>
        <translation>正在计算 SHAP 值…</translation>
    </message>
    <message>
        <source>Computing partial dependence…</source>
        <translation>正在计算部分依赖…</translation>
    </message>
    <message>
        <source>Scored on the runs&apos; validation predictions.</source>
        <translation>基于各次运行的验证集预测评分。</translation>
    </message>
    <message>
        <source>SHAP values of a sample of %1 of %2 rows.</source>
        <translation>SHAP 值基于从 %2 行中抽样的 %1 行。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ExplanationWorker</name>
    <message>
        <source>Curves need a classification model.</source>
        <translation>曲线需要分类模型。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ExportablePlot</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the picture as PNG, SVG or PDF</source>
        <translation>将图片保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the picture to the clipboard</source>
        <translation>将图片复制到剪贴板</translation>
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
    <name>glassbox::gui::HistoryModel</name>
    <message>
        <source>%1
%2 rows, %3 columns
SHA-256 %4</source>
        <translation>%1
%2 行，%3 列
SHA-256 %4</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>预发布</translation>
    </message>
    <message>
        <source>production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::HistoryView</name>
    <message>
        <source>Version %1 exported to %2.</source>
        <translation>版本 %1 已导出到 %2。</translation>
    </message>
    <message>
        <source>%1 imported as version %2.</source>
        <translation>%1 已导入为版本 %2。</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Text in any column</source>
        <translation>任意列中的文本</translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation>学习器：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标列：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <source>All learners</source>
        <translation>所有学习器</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>所有目标列</translation>
    </message>
    <message>
        <source>Metric over versions</source>
        <translation>各版本的指标变化</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the versions again (F5)</source>
        <translation>重新列出版本 (F5)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare the two selected versions side by side (Ctrl+D)</source>
        <translation>并排比较选中的两个版本 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Predict with…</source>
        <translation>用此版本预测…</translation>
    </message>
    <message>
        <source>Predict new data with the current version</source>
        <translation>用当前版本预测新数据</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>Evaluate the current version on labelled data</source>
        <translation>在带标签的数据上评估当前版本</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>解释…</translation>
    </message>
    <message>
        <source>Explain the current version&apos;s predictions</source>
        <translation>解释当前版本的预测结果</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the current version to a file</source>
        <translation>将当前版本写入文件</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add a version from an exported file</source>
        <translation>从导出的文件添加版本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the current version from the history (Del)</source>
        <translation>从历史中删除当前版本 (Del)</translation>
    </message>
    <message>
        <source>No version selected.</source>
        <translation>未选择版本。</translation>
    </message>
    <message>
        <source>%1 of the versions predicting “%2” from %3</source>
        <translation>基于 %3 预测“%2”的各版本的 %1</translation>
    </message>
    <message>
        <source>This version has no metric.</source>
        <translation>此版本没有指标。</translation>
    </message>
    <message>
        <source>Model history</source>
        <translation>模型历史</translation>
    </message>
    <message>
        <source>Export version %1</source>
        <translation>导出版本 %1</translation>
    </message>
    <message>
        <source>Glassbox versions (*.gbv)</source>
        <translation>Glassbox 版本 (*.gbv)</translation>
    </message>
    <message>
        <source>Exporting version %1…</source>
        <translation>正在导出版本 %1…</translation>
    </message>
    <message>
        <source>Import version</source>
        <translation>导入版本</translation>
    </message>
    <message>
        <source>Glassbox versions (*.gbv);;All files (*)</source>
        <translation>Glassbox 版本 (*.gbv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>version %1 (%2, target “%3”)</source>
        <translation>版本 %1（%2，目标列“%3”）</translation>
    </message>
    <message>
        <source>version %1 “%2” (%3, target “%4”)</source>
        <translation>版本 %1“%2”（%3，目标列“%4”）</translation>
    </message>
    <message>
        <source>Delete %1?

Its model and its evaluations are removed from the history. This cannot be undone.</source>
        <translation>删除%1？

它的模型和评估记录将从历史中移除。此操作无法撤消。</translation>
    </message>
    <message>
        <source>Delete version %1</source>
        <translation>删除版本 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n 个版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n version(s) shown</source>
        <translation>
            <numerusform>显示 %1 / %n 个版本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::HistoryWorker</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ImportancePlot</name>
    <message>
        <source>%1 ± %2 (standard deviation over the shuffles)</source>
        <translation>%1 ± %2（多次打乱间的标准差）</translation>
    </message>
    <message>
        <source>Rank %1 of %2</source>
        <translation>排名第 %1（共 %2 个）</translation>
    </message>
    <message>
        <source>Mean decrease in %1 when the feature is shuffled</source>
        <translation>打乱该特征后 %1 的平均下降量</translation>
    </message>
    <message>
        <source>Share of the total gain</source>
        <translation>占总增益的比例</translation>
    </message>
    <message>
        <source>Mean decrease in impurity</source>
        <translation>平均不纯度减少量</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n feature(s)</source>
        <translation>
            <numerusform>显示 %1 / %n 个特征</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean of %n shuffle(s) ± 1 standard deviation · %1 unshuffled: %2 on %3 rows</source>
        <translation>
            <numerusform>%n 次打乱的均值 ± 1 个标准差 · 未打乱时的 %1：%2（基于 %3 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>No importance to show</source>
        <translation>没有可显示的重要性</translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation>特征重要性</translation>
    </message>
    <message>
        <source>Show top:</source>
        <translation>显示数量：</translation>
    </message>
    <message>
        <source>How many of the most important features are shown</source>
        <translation>显示多少个最重要的特征</translation>
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
    <message>
        <source>Training cancelled.</source>
        <translation>训练已取消。</translation>
    </message>
    <message>
        <source>The data this run was trained on is no longer open.</source>
        <translation>训练此运行所用的数据已不再打开。</translation>
    </message>
    <message>
        <source>Not saved in the history</source>
        <translation>未保存到历史</translation>
    </message>
    <message>
        <source>%1 was trained, but it could not be saved in the model history.</source>
        <translation>%1 已训练完成，但无法保存到模型历史中。</translation>
    </message>
    <message>
        <source>%1 trained and saved as version %2.</source>
        <translation>%1 已训练完成，并保存为版本 %2。</translation>
    </message>
    <message>
        <source>%1 trained.</source>
        <translation>%1 已训练完成。</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>The model could not be trained.</source>
        <translation>无法训练该模型。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows selected.</source>
        <translation>
            <numerusform>已选中 %Ln 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>训练面板(&amp;T)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Model History</source>
        <translation>模型历史</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>运行记录(&amp;R)</translation>
    </message>
    <message>
        <source>Model &amp;History</source>
        <translation>模型历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Predict</source>
        <translation>预测(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Train	Ctrl+Return</source>
        <translation>训练(&amp;T)	Ctrl+Return</translation>
    </message>
    <message>
        <source>Train the chosen learner on the open table</source>
        <translation>在打开的数据表上训练所选学习器</translation>
    </message>
    <message>
        <source>T&amp;une…</source>
        <translation>调优(&amp;U)…</translation>
    </message>
    <message>
        <source>Search the learner&apos;s parameters for the best score</source>
        <translation>搜索学习器参数以获得最佳得分</translation>
    </message>
    <message>
        <source>&amp;Cancel All Training</source>
        <translation>取消全部训练(&amp;C)</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>解释(&amp;E)</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>数据准备</translation>
    </message>
    <message>
        <source>&amp;Preparation Panel</source>
        <translation>数据准备面板(&amp;P)</translation>
    </message>
    <message>
        <source>%1 (prepared)</source>
        <translation>%1（已准备）</translation>
    </message>
    <message>
        <source>The Data view shows %1 prepared by: %2.</source>
        <translation>数据视图显示经以下步骤准备的 %1：%2。</translation>
    </message>
    <message>
        <source>The Data view shows %1 as read from the file.</source>
        <translation>数据视图显示从文件读取的 %1。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::MetricSeriesChart</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>无数值</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>The metric shown over the versions</source>
        <translation>在各版本上显示的指标</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ParamForm</name>
    <message>
        <source>This learner has no parameters.</source>
        <translation>此学习器没有参数。</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Set every parameter back to the learner&apos;s default</source>
        <translation>将所有参数恢复为学习器的默认值</translation>
    </message>
    <message>
        <source>%1
Allowed: %2
Default: %3</source>
        <translation>%1
允许值：%2
默认值：%3</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PdpPlot</name>
    <message>
        <source>Output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>No partial dependence to show</source>
        <translation>没有可显示的部分依赖</translation>
    </message>
    <message>
        <source>ICE (one per row)</source>
        <translation>ICE（每行一条）</translation>
    </message>
    <message>
        <source>Probability of %1</source>
        <translation>%1 的概率</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Predicted %1</source>
        <translation>%1 预测值</translation>
    </message>
    <message numerus="yes">
        <source>average over %n row(s)</source>
        <translation>
            <numerusform>基于 %n 行取平均</numerusform>
        </translation>
    </message>
    <message>
        <source>showing %1 of %2 ICE curves</source>
        <translation>显示 %2 条 ICE 曲线中的 %1 条</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>The class whose probability is drawn</source>
        <translation>绘制其概率的类别</translation>
    </message>
    <message>
        <source>ICE curves</source>
        <translation>ICE 曲线</translation>
    </message>
    <message>
        <source>Partial dependence (average)</source>
        <translation>部分依赖（平均）</translation>
    </message>
    <message>
        <source>One thin line per row: the prediction as only this feature changes</source>
        <translation>每行一条细线：仅改变该特征时的预测值</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PlotWidget</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the plot as a PNG, SVG or PDF file</source>
        <translation>将图表保存为 PNG、SVG 或 PDF 文件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the plot to the clipboard as a picture</source>
        <translation>将图表以图片形式复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PrPlot</name>
    <message>
        <source>AP %1</source>
        <translation>AP %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 points</source>
        <translation>%1：%3 个点中的 %2 个</translation>
    </message>
    <message>
        <source>No skill (positive rate %1)</source>
        <translation>无技能基线（正类比例 %1）</translation>
    </message>
    <message>
        <source>Precision–recall curve</source>
        <translation>精确率–召回率曲线</translation>
    </message>
    <message>
        <source>Precision–recall curve — positive class: %1</source>
        <translation>精确率–召回率曲线 — 正类：%1</translation>
    </message>
    <message>
        <source>Precision–recall curves — each class against the rest</source>
        <translation>精确率–召回率曲线 — 各类别对其余类别</translation>
    </message>
    <message>
        <source>Precision–recall curve — %1 against the rest</source>
        <translation>精确率–召回率曲线 — %1 对其余类别</translation>
    </message>
    <message>
        <source>No curves to show</source>
        <translation>没有可显示的曲线</translation>
    </message>
    <message>
        <source>Long curves drawn from a subset of their points (%1); average precision from every point</source>
        <translation>长曲线仅用部分点绘制（%1）；平均精确率基于全部点计算</translation>
    </message>
    <message numerus="yes">
        <source>%n long curve(s) drawn from at most about %1 of their points each; average precision from every point</source>
        <translation>
            <numerusform>%n 条长曲线各自最多用约 %1 个点绘制；平均精确率基于全部点计算</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashed lines: each class&apos;s no-skill precision (its positive rate)</source>
        <translation>虚线：各类别的无技能精确率（即其正类比例）</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PredictView</name>
    <message numerus="yes">
        <source>Exported %Ln rows to %1.</source>
        <translation>
            <numerusform>已将 %Ln 行导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>List the model history&apos;s versions again</source>
        <translation>重新列出模型历史中的版本</translation>
    </message>
    <message>
        <source>Open &amp;data…</source>
        <translation>打开数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, ARFF or SQLite file to predict on</source>
        <translation>打开要预测的 CSV、TSV、ARFF 或 SQLite 文件</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the data with the predictions as CSV</source>
        <translation>将数据连同预测结果保存为 CSV</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Alert when</source>
        <translation>告警条件：</translation>
    </message>
    <message>
        <source>The threshold the metric is checked against</source>
        <translation>用于检查指标的阈值</translation>
    </message>
    <message>
        <source>Decision threshold:</source>
        <translation>决策阈值：</translation>
    </message>
    <message>
        <source>Binary models: predict the second class when its probability is at least this</source>
        <translation>二分类模型：当第二个类别的概率不低于此值时预测为该类别</translation>
    </message>
    <message>
        <source>E&amp;valuate</source>
        <translation>评估(&amp;V)</translation>
    </message>
    <message>
        <source>Score the model on the labelled rows and keep the evaluation in the history</source>
        <translation>在带标签的行上为模型评分，并将评估结果保存到历史中</translation>
    </message>
    <message>
        <source>&lt;b&gt;Metrics&lt;/b&gt;</source>
        <translation>&lt;b&gt;指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;按类别&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt; (rows: true class, columns: predicted)</source>
        <translation>&lt;b&gt;混淆矩阵&lt;/b&gt;（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <source>Importance:</source>
        <translation>重要性：</translation>
    </message>
    <message>
        <source>Permutation (on the labelled rows)</source>
        <translation>置换重要性（基于带标签的行）</translation>
    </message>
    <message>
        <source>Impurity (tree models)</source>
        <translation>不纯度（树模型）</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>± std</source>
        <translation>± 标准差</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>解释：</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>贡献</translation>
    </message>
    <message>
        <source>#%1 %2 → %3</source>
        <translation>#%1 %2 → %3</translation>
    </message>
    <message>
        <source> (%1 %2)</source>
        <translation>（%1 %2）</translation>
    </message>
    <message>
        <source>No saved models yet</source>
        <translation>尚无已保存的模型</translation>
    </message>
    <message>
        <source>Choose a saved model…</source>
        <translation>选择已保存的模型…</translation>
    </message>
    <message>
        <source>Version #%1 is not in the model history.</source>
        <translation>版本 #%1 不在模型历史中。</translation>
    </message>
    <message>
        <source>Open Data to Predict On</source>
        <translation>打开要预测的数据</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.arff *.sqlite *.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>选择数据表</translation>
    </message>
    <message>
        <source>%1 holds several tables. Which one?</source>
        <translation>%1 包含多个数据表。要使用哪一个？</translation>
    </message>
    <message>
        <source>No data open</source>
        <translation>未打开数据</translation>
    </message>
    <message>
        <source>%1 — %2 × %3</source>
        <translation>%1 — %2 × %3</translation>
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
    <message>
        <source>Choose a saved model above, then open data to predict on.</source>
        <translation>请先在上方选择已保存的模型，然后打开要预测的数据。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Version #%1&lt;/b&gt; %2&lt;br&gt;Learner: %3&lt;br&gt;Task: %4, target &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>&lt;b&gt;版本 #%1&lt;/b&gt; %2&lt;br&gt;学习器：%3&lt;br&gt;任务：%4，目标列 &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Classes: %1</source>
        <translation>&lt;br&gt;类别：%1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Features (%1): %2</source>
        <translation>&lt;br&gt;特征（%1）：%2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Created %1</source>
        <translation>&lt;br&gt;创建于 %1</translation>
    </message>
    <message>
        <source>Open data to see its predictions.</source>
        <translation>打开数据以查看其预测结果。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln rows predicted&lt;/b&gt;&lt;br&gt;mean %1, min %2, max %3</source>
        <translation>
            <numerusform>&lt;b&gt;已预测 %Ln 行&lt;/b&gt;&lt;br&gt;均值 %1，最小值 %2，最大值 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln rows predicted&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;已预测 %Ln 行&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Predict %1 when its probability ≥</source>
        <translation>%1 的概率 ≥ 此值时预测为 %1：</translation>
    </message>
    <message>
        <source>Choose a saved model to evaluate.</source>
        <translation>请选择要评估的已保存模型。</translation>
    </message>
    <message>
        <source>Open labelled data (with the column &quot;%1&quot;) to evaluate the model on it.</source>
        <translation>打开带标签的数据（含“%1”列）以在其上评估模型。</translation>
    </message>
    <message>
        <source>The data has no column &quot;%1&quot; (the model&apos;s target): it cannot be evaluated on it.</source>
        <translation>数据中没有“%1”列（模型的目标列）：无法在其上评估。</translation>
    </message>
    <message>
        <source>Evaluate scores the model on the labelled rows and keeps the result in the model history.</source>
        <translation>“评估”会在带标签的行上为模型评分，并将结果保存到模型历史中。</translation>
    </message>
    <message>
        <source>Choose a model and open labelled data first.</source>
        <translation>请先选择模型并打开带标签的数据。</translation>
    </message>
    <message>
        <source>The evaluation could not be kept in the model history: %1</source>
        <translation>无法将评估结果保存到模型历史：%1</translation>
    </message>
    <message numerus="yes">
        <source>Scored on %Ln labelled rows</source>
        <translation>
            <numerusform>基于 %Ln 个带标签的行评分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln skipped: target missing or a class the model does not know)</source>
        <translation>
            <numerusform>（跳过 %Ln 行：目标值缺失或属于模型未知的类别）</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept in the history as evaluation #%1 of version #%2.</source>
        <translation>已作为版本 #%2 的评估 #%1 保存到历史中。</translation>
    </message>
    <message>
        <source>is above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>is below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>Lower is better for this metric</source>
        <translation>此指标越低越好</translation>
    </message>
    <message>
        <source>Higher is better for this metric</source>
        <translation>此指标越高越好</translation>
    </message>
    <message>
        <source>⚠  Alert: %1 = %2 is above the threshold %3 on this data.</source>
        <translation>⚠  告警：在此数据上 %1 = %2，高于阈值 %3。</translation>
    </message>
    <message>
        <source>⚠  Alert: %1 = %2 is below the threshold %3 on this data.</source>
        <translation>⚠  告警：在此数据上 %1 = %2，低于阈值 %3。</translation>
    </message>
    <message>
        <source>Choose a saved model to explain.</source>
        <translation>请选择要解释的已保存模型。</translation>
    </message>
    <message>
        <source>Permutation importance needs labelled data (with the column &quot;%1&quot;).</source>
        <translation>置换重要性需要带标签的数据（含“%1”列）。</translation>
    </message>
    <message>
        <source>Choose a saved model first.</source>
        <translation>请先选择已保存的模型。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Permutation importance&lt;/b&gt;: the drop in %1 when a feature&apos;s values are shuffled (%2 repeats on %Ln rows; %1 unshuffled: %3).</source>
        <translation>
            <numerusform>&lt;b&gt;置换重要性&lt;/b&gt;：打乱某个特征的取值后 %1 的下降量（在 %Ln 行上重复 %2 次；未打乱时的 %1：%3）。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Total gain&lt;/b&gt; of each feature&apos;s splits, normalized to sum 1.</source>
        <translation>各特征分裂的&lt;b&gt;总增益&lt;/b&gt;，归一化为总和为 1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mean decrease in impurity&lt;/b&gt; of each feature&apos;s splits, normalized to sum 1.</source>
        <translation>各特征分裂的&lt;b&gt;平均不纯度减少量&lt;/b&gt;，归一化为总和为 1。</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>the predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>&lt;b&gt;SHAP values&lt;/b&gt;: select a row in the table to see how each feature moved its prediction.</source>
        <translation>&lt;b&gt;SHAP 值&lt;/b&gt;：在表中选择一行，查看各特征如何影响其预测。</translation>
    </message>
    <message>
        <source>&lt;b&gt;SHAP values of row %1&lt;/b&gt; (%2 SHAP, %3 output): each feature&apos;s contribution, largest first.</source>
        <translation>&lt;b&gt;第 %1 行的 SHAP 值&lt;/b&gt;（%2 SHAP，%3 输出）：各特征的贡献，按大小降序排列。</translation>
    </message>
    <message>
        <source>Base value %1 + contributions %2 = %3 (the model&apos;s %4)</source>
        <translation>基准值 %1 + 贡献 %2 = %3（模型的 %4）</translation>
    </message>
    <message>
        <source>Listing the saved models…</source>
        <translation>正在列出已保存的模型…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Computing feature importance…</source>
        <translation>正在计算特征重要性…</translation>
    </message>
    <message>
        <source>Computing SHAP values…</source>
        <translation>正在计算 SHAP 值…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>There are no predictions to export yet.</source>
        <translation>尚无可导出的预测结果。</translation>
    </message>
    <message>
        <source>Export Predictions</source>
        <translation>导出预测结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PredictionModel</name>
    <message>
        <source>Wrong: the true class is %1</source>
        <translation>预测错误：真实类别为 %1</translation>
    </message>
    <message>
        <source>P(%1)</source>
        <translation>P(%1)</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>The model&apos;s probability of class %1</source>
        <translation>模型预测为类别 %1 的概率</translation>
    </message>
    <message>
        <source>The model&apos;s prediction (wrong classes in red when the table has the target)</source>
        <translation>模型的预测结果（若表中含目标列，错误的类别以红色显示）</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationDistributionPlot</name>
    <message>
        <source>Column:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>The column whose values are compared before and after the step</source>
        <translation>比较步骤前后取值的列</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>%1 before and after %2</source>
        <translation>%2 前后的 %1</translation>
    </message>
    <message numerus="yes">
        <source>Before (%Ln rows)</source>
        <translation>
            <numerusform>之前（%Ln 行）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After (%Ln rows)</source>
        <translation>
            <numerusform>之后（%Ln 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
    <message>
        <source>Missing cells: %1 before, %2 after.</source>
        <translation>缺失单元格：之前 %1，之后 %2。</translation>
    </message>
    <message>
        <source>The step added this column.</source>
        <translation>该步骤添加了此列。</translation>
    </message>
    <message>
        <source>The step dropped this column.</source>
        <translation>该步骤删除了此列。</translation>
    </message>
    <message>
        <source>No values to count.</source>
        <translation>没有可计数的值。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationPanel</name>
    <message>
        <source>Previewing… %1%</source>
        <translation>正在预览… %1%</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Seeds the randomised steps (sampling, outlier forests, noise)</source>
        <translation>随机步骤（抽样、离群森林、噪声）的种子</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Fit the steps on the open table again and show what each one does</source>
        <translation>在打开的表上重新拟合各步骤，并显示每一步的作用</translation>
    </message>
    <message>
        <source>Step settings</source>
        <translation>步骤设置</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Apply to table</source>
        <translation>应用到表</translation>
    </message>
    <message>
        <source>Show the prepared table in the Data view; column statistics and training use it</source>
        <translation>在数据视图中显示准备后的表；列统计和训练都使用它</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>恢复为文件</translation>
    </message>
    <message>
        <source>Show the table as read from the file again</source>
        <translation>重新显示从文件读取的表</translation>
    </message>
    <message>
        <source>Attach to training</source>
        <translation>附加到训练</translation>
    </message>
    <message>
        <source>Train with these steps: they are fitted inside validation on the training rows and saved with the model</source>
        <translation>使用这些步骤训练：它们在验证中仅在训练行上拟合，并随模型保存</translation>
    </message>
    <message>
        <source>Add a step with “Add step”, then set its parameters here.</source>
        <translation>用“添加步骤”添加一个步骤，然后在此设置其参数。</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>%1 设置</translation>
    </message>
    <message>
        <source>Open a table to preview the steps on it.</source>
        <translation>打开一个表以在其上预览步骤。</translation>
    </message>
    <message>
        <source>Add a step to see what it does to the table.</source>
        <translation>添加一个步骤，查看它对表的作用。</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>正在预览…</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s): %1 rows, %2 missing cells.</source>
        <translation>
            <numerusform>%n 个步骤：%1 行，%2 个缺失单元格。</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview failed: see the message below.</source>
        <translation>预览失败：请看下方消息。</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>未附加：%1</translation>
    </message>
    <message>
        <source>The Data view shows the prepared table.</source>
        <translation>数据视图显示准备后的表。</translation>
    </message>
    <message>
        <source>It holds resampled rows: validating on it scores copies and synthetic rows of the training rows. Attach resampling to training instead (it then runs inside each fold).</source>
        <translation>其中含有重采样的行：在其上验证会为训练行的副本和合成行打分。请改为将重采样附加到训练（这样它会在每一折内运行）。</translation>
    </message>
    <message>
        <source>Training would run the attached steps on it again: detach them or revert to the file.</source>
        <translation>训练会在其上再次运行已附加的步骤：请分离这些步骤或恢复为文件。</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationPreviewView</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Missing cells over every column, before → after</source>
        <translation>所有列中的缺失单元格，之前 → 之后</translation>
    </message>
    <message>
        <source>Cells whose value the step changed</source>
        <translation>该步骤更改了值的单元格</translation>
    </message>
    <message>
        <source>Columns added (+) and dropped (−)</source>
        <translation>添加 (+) 和删除 (−) 的列</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>all steps</source>
        <translation>所有步骤</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>所有步骤</translation>
    </message>
    <message>
        <source>Rows dropped</source>
        <translation>删除的行</translation>
    </message>
    <message>
        <source>Rows added</source>
        <translation>添加的行</translation>
    </message>
    <message>
        <source>Missing cells</source>
        <translation>缺失单元格</translation>
    </message>
    <message>
        <source>Changed cells</source>
        <translation>更改的单元格</translation>
    </message>
    <message>
        <source>Columns added</source>
        <translation>添加的列</translation>
    </message>
    <message>
        <source>Columns dropped</source>
        <translation>删除的列</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Epsilon spent</source>
        <translation>已花费的 epsilon</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationStepList</name>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Add a preparation step after the selected one</source>
        <translation>在所选步骤之后添加一个数据准备步骤</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>移除所选步骤</translation>
    </message>
    <message>
        <source>Move the selected step up (it runs earlier)</source>
        <translation>上移所选步骤（更早运行）</translation>
    </message>
    <message>
        <source>Move the selected step down (it runs later)</source>
        <translation>下移所选步骤（更晚运行）</translation>
    </message>
    <message>
        <source>The steps run from top to bottom; untick a step to leave it out</source>
        <translation>步骤从上到下运行；取消勾选可跳过某一步骤</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PrivacyReportView</name>
    <message>
        <source>Privacy budget</source>
        <translation>隐私预算</translation>
    </message>
    <message>
        <source>ε:</source>
        <translation>ε：</translation>
    </message>
    <message>
        <source>The total epsilon the pipeline&apos;s differentially private releases may spend; a pipeline asking for more is refused before any noise is drawn</source>
        <translation>流水线中差分隐私发布可花费的 epsilon 总量；要求更多的流水线会在生成任何噪声之前被拒绝</translation>
    </message>
    <message>
        <source>δ:</source>
        <translation>δ：</translation>
    </message>
    <message>
        <source>The total delta (0 for pure epsilon-DP, else below 1, e.g. 1e-5)</source>
        <translation>delta 总量（纯 epsilon-差分隐私为 0，否则小于 1，例如 1e-5）</translation>
    </message>
    <message>
        <source>Protection steps</source>
        <translation>保护步骤</translation>
    </message>
    <message>
        <source>Step / detail</source>
        <translation>步骤 / 详情</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Privacy ledger</source>
        <translation>隐私账本</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>δ</source>
        <translation>δ</translation>
    </message>
    <message>
        <source>δ must be a number from 0 up to (not including) 1, e.g. 1e-5.</source>
        <translation>δ 必须是从 0 到 1（不含 1）之间的数，例如 1e-5。</translation>
    </message>
    <message>
        <source>%p% of ε spent</source>
        <translation>已花费 ε 的 %p%</translation>
    </message>
    <message>
        <source>ε spent: %1 of %2 · δ spent: %3 of %4</source>
        <translation>已花费 ε：%1 / %2 · 已花费 δ：%3 / %4</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>k = %1</source>
        <translation>k = %1</translation>
    </message>
    <message>
        <source> (target %1)</source>
        <translation>（目标 %1）</translation>
    </message>
    <message>
        <source>; %1 before the step</source>
        <translation>；步骤前为 %1</translation>
    </message>
    <message>
        <source>; rows at risk: %1</source>
        <translation>；有风险的行：%1</translation>
    </message>
    <message>
        <source>No protection step in the pipeline. Add roles, pseudonymize, generalize, k-anonymity or dp-noise to protect the data before training.</source>
        <translation>流水线中没有保护步骤。请添加 roles、pseudonymize、generalize、k-anonymity 或 dp-noise，在训练前保护数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n differentially private release(s).</source>
        <translation>
            <numerusform>%n 次差分隐私发布。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RocPlot</name>
    <message>
        <source>Threshold: above every score (nothing predicted positive)</source>
        <translation>阈值：高于所有得分（没有样本被预测为正类）</translation>
    </message>
    <message>
        <source>Threshold: score ≥ %1</source>
        <translation>阈值：得分 ≥ %1</translation>
    </message>
    <message>
        <source>An average of curves: no threshold</source>
        <translation>多条曲线的平均：无阈值</translation>
    </message>
    <message>
        <source>False positive rate %1, true positive rate %2</source>
        <translation>假正率 %1，真正率 %2</translation>
    </message>
    <message>
        <source>predicted +</source>
        <translation>预测 +</translation>
    </message>
    <message>
        <source>predicted −</source>
        <translation>预测 −</translation>
    </message>
    <message>
        <source>actual +</source>
        <translation>实际 +</translation>
    </message>
    <message>
        <source>TP %1</source>
        <translation>TP %1</translation>
    </message>
    <message>
        <source>FN %1</source>
        <translation>FN %1</translation>
    </message>
    <message>
        <source>actual −</source>
        <translation>实际 −</translation>
    </message>
    <message>
        <source>FP %1</source>
        <translation>FP %1</translation>
    </message>
    <message>
        <source>TN %1</source>
        <translation>TN %1</translation>
    </message>
    <message>
        <source>AUC n/a</source>
        <translation>AUC 不可用</translation>
    </message>
    <message>
        <source>AUC %1</source>
        <translation>AUC %1</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>ROC curve — positive class: %1</source>
        <translation>ROC 曲线 — 正类：%1</translation>
    </message>
    <message>
        <source>ROC curve — %1 against the rest</source>
        <translation>ROC 曲线 — %1 对其余类别</translation>
    </message>
    <message>
        <source>ROC curves — each class against the rest</source>
        <translation>ROC 曲线 — 各类别对其余类别</translation>
    </message>
    <message>
        <source>ROC curve — micro average over the classes</source>
        <translation>ROC 曲线 — 各类别的微平均</translation>
    </message>
    <message>
        <source>ROC curve — macro average over the classes</source>
        <translation>ROC 曲线 — 各类别的宏平均</translation>
    </message>
    <message>
        <source>%1: %2 of %3 points</source>
        <translation>%1：%3 个点中的 %2 个</translation>
    </message>
    <message>
        <source>No curves to show</source>
        <translation>没有可显示的曲线</translation>
    </message>
    <message>
        <source>Long curves drawn from a subset of their points (%1); AUC from every point</source>
        <translation>长曲线仅用部分点绘制（%1）；AUC 基于全部点计算</translation>
    </message>
    <message numerus="yes">
        <source>%n long curve(s) drawn from at most about %1 of their points each; AUC from every point</source>
        <translation>
            <numerusform>%n 条长曲线各自最多用约 %1 个点绘制；AUC 基于全部点计算</numerusform>
        </translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>假正率</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>真正率</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RunDetails</name>
    <message>
        <source>No run selected</source>
        <translation>未选择训练运行</translation>
    </message>
    <message>
        <source>Train a model, or select a run in the table above, to see its results here.</source>
        <translation>训练一个模型，或在上方表格中选择一次运行，即可在此查看其结果。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Rows scored:</source>
        <translation>评分行数：</translation>
    </message>
    <message>
        <source>Fitted in:</source>
        <translation>拟合用时：</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>验证方式：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>Not defined for these predictions</source>
        <translation>对这些预测结果无定义</translation>
    </message>
    <message>
        <source>rows scored</source>
        <translation>评分行数</translation>
    </message>
    <message>
        <source>mean prediction</source>
        <translation>预测均值</translation>
    </message>
    <message>
        <source>std of predictions</source>
        <translation>预测标准差</translation>
    </message>
    <message>
        <source>lowest prediction</source>
        <translation>最低预测值</translation>
    </message>
    <message>
        <source>highest prediction</source>
        <translation>最高预测值</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Fit summary</source>
        <translation>拟合摘要</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <source>Preparation:</source>
        <translation>数据准备：</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RunsModel</name>
    <message>
        <source>%1-fold CV</source>
        <translation>%1 折交叉验证</translation>
    </message>
    <message>
        <source>holdout %1%</source>
        <translation>留出法 %1%</translation>
    </message>
    <message>
        <source>training rows</source>
        <translation>训练行</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>not saved (error)</source>
        <translation>未保存（出错）</translation>
    </message>
    <message>
        <source>Not measured for this task</source>
        <translation>此任务不计算该指标</translation>
    </message>
    <message>
        <source>Not defined for these predictions</source>
        <translation>对这些预测结果无定义</translation>
    </message>
    <message>
        <source>Saving to the model history was turned off for this run</source>
        <translation>此次运行未开启保存到模型历史</translation>
    </message>
    <message>
        <source>Seconds spent fitting the model that was kept</source>
        <translation>拟合最终保留模型所用的秒数</translation>
    </message>
    <message>
        <source>%1 (on the validation rows)</source>
        <translation>%1（基于验证行）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <source>Train s</source>
        <translation>训练秒数</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RunsView</name>
    <message numerus="yes">
        <source>Comparing %n run(s) (best in bold)</source>
        <translation>
            <numerusform>正在比较 %n 次运行（最佳值加粗显示）</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected runs from this session&apos;s list (the model history keeps them)</source>
        <translation>从本次会话的列表中移除选中的运行（模型历史中仍保留）</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapBarPlot</name>
    <message>
        <source>No SHAP values to show</source>
        <translation>没有可显示的 SHAP 值</translation>
    </message>
    <message numerus="yes">
        <source>%n other feature(s)</source>
        <translation>
            <numerusform>其余 %n 个特征</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean over %n row(s)</source>
        <translation>
            <numerusform>基于 %n 行取平均</numerusform>
        </translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <source>How many features to show; the rest are summed</source>
        <translation>要显示的特征数；其余特征合并显示</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapDependencePlot</name>
    <message>
        <source>%1
SHAP value: %2
row %3</source>
        <translation>%1
SHAP 值：%2
第 %3 行</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No SHAP values to show</source>
        <translation>没有可显示的 SHAP 值</translation>
    </message>
    <message>
        <source>SHAP value for %1</source>
        <translation>%1 的 SHAP 值</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>showing a sample of %1 of %2 rows</source>
        <translation>显示从 %2 行中抽样的 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a missing value not shown</source>
        <translation>
            <numerusform>%n 行含缺失值，未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Feature:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>着色依据：</translation>
    </message>
    <message>
        <source>The feature whose SHAP values are drawn against its values</source>
        <translation>要绘制的特征：以其取值为横轴、SHAP 值为纵轴</translation>
    </message>
    <message>
        <source>The feature that colours the dots</source>
        <translation>用于为点着色的特征</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapPlotBase</name>
    <message>
        <source>Output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>The class whose output the SHAP values explain</source>
        <translation>SHAP 值所解释的输出对应的类别</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>特征 %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>log-odds</source>
        <translation>对数几率</translation>
    </message>
    <message>
        <source>log-odds of %1</source>
        <translation>%1 的对数几率</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>probability of %1</source>
        <translation>%1 的概率</translation>
    </message>
    <message>
        <source>mean |SHAP value|</source>
        <translation>平均 |SHAP 值|</translation>
    </message>
    <message>
        <source>SHAP value</source>
        <translation>SHAP 值</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapSummaryPlot</name>
    <message>
        <source>%1
SHAP value: %2
row %3</source>
        <translation>%1
SHAP 值：%2
第 %3 行</translation>
    </message>
    <message>
        <source>No SHAP values to show</source>
        <translation>没有可显示的 SHAP 值</translation>
    </message>
    <message>
        <source>showing a sample of %1 of %2 rows</source>
        <translation>显示从 %2 行中抽样的 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>top %1 of %2 features by mean |SHAP|</source>
        <translation>按平均 |SHAP| 排序的前 %1 个特征（共 %2 个）</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <source>How many features to show, by mean |SHAP|</source>
        <translation>要显示的特征数（按平均 |SHAP| 排序）</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Feature value</source>
        <translation>特征值</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapWaterfallPlot</name>
    <message>
        <source>No SHAP values to show</source>
        <translation>没有可显示的 SHAP 值</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other feature(s)</source>
        <translation>
            <numerusform>其余 %n 个特征</numerusform>
        </translation>
    </message>
    <message>
        <source>model output</source>
        <translation>模型输出</translation>
    </message>
    <message>
        <source>Model output</source>
        <translation>模型输出</translation>
    </message>
    <message>
        <source>Model output (%1)</source>
        <translation>模型输出（%1）</translation>
    </message>
    <message>
        <source>Data row %1</source>
        <translation>数据第 %1 行</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>The explained row shown</source>
        <translation>当前显示的被解释行</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TrainingPanel</name>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>正在估算剩余时间…</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>大约还剩 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>大约还剩 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>大约还剩 %1 小时 %2 分</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标列：</translation>
    </message>
    <message>
        <source>The column the model learns to predict</source>
        <translation>模型要学习预测的列</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Automatic: classification for categories, yes/no and whole numbers with at most 10 values; regression for other numbers</source>
        <translation>自动：类别、是/否以及取值不超过 10 个的整数列按分类处理；其他数值列按回归处理</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Tick every usable column</source>
        <translation>勾选所有可用的列</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Untick every column</source>
        <translation>取消勾选所有列</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <source>Holdout</source>
        <translation>留出法</translation>
    </message>
    <message>
        <source>Train on the other rows and score on this share of the rows</source>
        <translation>在其余行上训练，并在此比例的行上评分</translation>
    </message>
    <message>
        <source>Share of the rows held out for scoring</source>
        <translation>留出用于评分的行所占比例</translation>
    </message>
    <message>
        <source>Cross-validation, folds:</source>
        <translation>交叉验证，折数：</translation>
    </message>
    <message>
        <source>Score K models each on the rows it was not trained on, then train the kept model on every row</source>
        <translation>训练 K 个模型，各自在未参与其训练的行上评分，然后在全部行上训练最终保留的模型</translation>
    </message>
    <message>
        <source>None (score on the training rows)</source>
        <translation>无（在训练行上评分）</translation>
    </message>
    <message>
        <source>Scores on the rows the model was fitted on are optimistic</source>
        <translation>在模型拟合所用的行上评分，结果会偏乐观</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <source>Stratified</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>By row order</source>
        <translation>按行顺序</translation>
    </message>
    <message>
        <source>Stratified: the rows are shuffled by the seed, keeping the class shares in every part. By row order: row i goes to fold i mod K (holdout: the last rows are held out).</source>
        <translation>分层：按随机种子打乱各行，并在每一部分中保持各类别的比例。按行顺序：第 i 行分到第 i mod K 折（留出法：留出最后的若干行）。</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>The same seed gives the same splits and the same model</source>
        <translation>相同的随机种子会得到相同的划分和相同的模型</translation>
    </message>
    <message>
        <source>Save to model history</source>
        <translation>保存到模型历史</translation>
    </message>
    <message>
        <source>Version name (optional)</source>
        <translation>版本名称（可选）</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Queue a training with these settings (Ctrl+Return)</source>
        <translation>按这些设置将一次训练加入队列 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Tune…</source>
        <translation>调优…</translation>
    </message>
    <message>
        <source>Search parameter values of this learner by cross-validation</source>
        <translation>通过交叉验证搜索此学习器的超参数取值</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running job; it leaves no result</source>
        <translation>停止正在运行的任务；不会留下结果</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>Stop the running job and drop every queued one</source>
        <translation>停止正在运行的任务并丢弃所有排队中的任务</translation>
    </message>
    <message>
        <source>No training running</source>
        <translation>没有正在进行的训练</translation>
    </message>
    <message>
        <source>Text columns cannot be features: almost every value is different. Change the column&apos;s type to categorical to use it.</source>
        <translation>文本列不能作为特征：几乎每个值都不相同。若要使用它，请将该列的类型改为分类。</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Open a table and choose the target column.</source>
        <translation>请打开一个数据表并选择目标列。</translation>
    </message>
    <message>
        <source>%1, chosen by you</source>
        <translation>%1，由您选择</translation>
    </message>
    <message>
        <source>%1, inferred from the target column</source>
        <translation>%1，根据目标列推断</translation>
    </message>
    <message>
        <source>Not for %1.</source>
        <translation>不适用于%1。</translation>
    </message>
    <message>
        <source>Open a table first.</source>
        <translation>请先打开一个数据表。</translation>
    </message>
    <message>
        <source>Choose the target column.</source>
        <translation>请选择目标列。</translation>
    </message>
    <message>
        <source>%1 cannot do %2.</source>
        <translation>%1 不支持%2。</translation>
    </message>
    <message>
        <source>Tick at least one feature.</source>
        <translation>请至少勾选一个特征。</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>已加入队列：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) queued</source>
        <translation>
            <numerusform>%n 个任务排队中</numerusform>
        </translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>分离</translation>
    </message>
    <message>
        <source>Train without the preparation steps</source>
        <translation>不使用数据准备步骤进行训练</translation>
    </message>
    <message numerus="yes">
        <source>Preparation: %n step(s) (%1)</source>
        <translation>
            <numerusform>数据准备：%n 个步骤（%1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TrainingQueue</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1，目标列 %2</translation>
    </message>
    <message>
        <source>tuning %1 on %2</source>
        <translation>调优 %1，目标列 %2</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TreeExplorer</name>
    <message>
        <source>Decision tree</source>
        <translation>决策树</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the whole tree in the window (Ctrl+0)</source>
        <translation>缩放整棵树以适应窗口 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Unfold every node and lift the depth limit</source>
        <translation>展开所有节点并取消深度限制</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the whole tree as a PNG, SVG or PDF file</source>
        <translation>将整棵树保存为 PNG、SVG 或 PDF 文件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy a picture of the whole tree</source>
        <translation>复制整棵树的图片</translation>
    </message>
    <message>
        <source>Which tree of the model to show</source>
        <translation>要显示模型中的哪一棵树</translation>
    </message>
    <message>
        <source>Tree:</source>
        <translation>树：</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Fold nodes deeper than this into &quot;+N more&quot;</source>
        <translation>将深于此层的节点折叠为“+N 个节点”</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>深度：</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>This model has no trees.</source>
        <translation>此模型没有树。</translation>
    </message>
    <message>
        <source>log-odds</source>
        <translation>对数几率</translation>
    </message>
    <message>
        <source>adds</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>gini</source>
        <translation>基尼</translation>
    </message>
    <message>
        <source>%1 nodes · %2 leaves · depth %3</source>
        <translation>%1 个节点 · %2 个叶节点 · 深度 %3</translation>
    </message>
    <message>
        <source>leaf values add to the log-odds of “%1”</source>
        <translation>叶节点值累加到“%1”的对数几率上</translation>
    </message>
    <message>
        <source>leaf values add to the prediction</source>
        <translation>叶节点值累加到预测值上</translation>
    </message>
    <message>
        <source>There is no tree to export.</source>
        <translation>没有可导出的树。</translation>
    </message>
    <message>
        <source>Cannot export to %1: use a .png, .svg or .pdf file name.</source>
        <translation>无法导出到 %1：请使用 .png、.svg 或 .pdf 文件名。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>tree-%1</source>
        <translation>tree-%1</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>tree</translation>
    </message>
    <message>
        <source>Export Tree</source>
        <translation>导出树</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TreeNodeItem</name>
    <message>
        <source>samples %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>samples %1 · %2 %3</source>
        <translation>样本 %1 · %2 %3</translation>
    </message>
    <message>
        <source>missing → left</source>
        <translation>缺失 → 左</translation>
    </message>
    <message>
        <source>missing → right</source>
        <translation>缺失 → 右</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1：%2%</translation>
    </message>
    <message>
        <source>mean %1 ± %2</source>
        <translation>均值 %1 ± %2</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>probability %1</source>
        <translation>概率 %1</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>值 %1</translation>
    </message>
    <message>
        <source>spread ± %1</source>
        <translation>离散度 ± %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Node %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;节点 %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Missing values go left</source>
        <translation>缺失值分到左侧</translation>
    </message>
    <message>
        <source>Missing values go right</source>
        <translation>缺失值分到右侧</translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation>叶节点</translation>
    </message>
    <message>
        <source>Samples: %1</source>
        <translation>样本数：%1</translation>
    </message>
    <message>
        <source>Impurity (%1): %2</source>
        <translation>不纯度（%1）：%2</translation>
    </message>
    <message>
        <source>Mean: %1</source>
        <translation>均值：%1</translation>
    </message>
    <message>
        <source>Standard deviation: %1</source>
        <translation>标准差：%1</translation>
    </message>
    <message>
        <source>Adds %1 to the %2</source>
        <translation>为%2贡献 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) folded below</source>
        <translation>
            <numerusform>下方折叠了 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n 个节点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TuningDialog</name>
    <message>
        <source>Choose a learner with parameters in the training panel.</source>
        <translation>请在训练面板中选择一个带参数的学习器。</translation>
    </message>
    <message>
        <source>%1: a range (LO:HI) needs random search</source>
        <translation>%1：范围（LO:HI）需要使用随机搜索</translation>
    </message>
    <message>
        <source>Tick at least one parameter to search.</source>
        <translation>请至少勾选一个要搜索的参数。</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s), each cross-validated on %1 folds</source>
        <translation>
            <numerusform>%n 个候选，每个进行 %1 折交叉验证</numerusform>
        </translation>
    </message>
    <message>
        <source>Tuning queued…</source>
        <translation>调优已加入队列…</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>%1 均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Best candidate</source>
        <translation>最佳候选</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation>没有候选。</translation>
    </message>
    <message>
        <source>Best mean %1: %2 ± %3 (lower is better)</source>
        <translation>最佳 %1 均值：%2 ± %3（越低越好）</translation>
    </message>
    <message>
        <source>Best mean %1: %2 ± %3 (higher is better)</source>
        <translation>最佳 %1 均值：%2 ± %3（越高越好）</translation>
    </message>
    <message>
        <source>Tune %1</source>
        <translation>调优 %1</translation>
    </message>
    <message>
        <source>Learner %1, target %2 (%3); parameters not ticked keep the training panel&apos;s values.</source>
        <translation>学习器 %1，目标列 %2（%3）；未勾选的参数保持训练面板中的取值。</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Parameters to search</source>
        <translation>要搜索的参数</translation>
    </message>
    <message>
        <source>Values separated by commas (layer lists by semicolons: 32;64,64). LO:HI is a range, for random search.</source>
        <translation>取值以逗号分隔（层列表以分号分隔：32;64,64）。LO:HI 表示范围，用于随机搜索。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索方式</translation>
    </message>
    <message>
        <source>Every combination (grid)</source>
        <translation>所有组合（网格搜索）</translation>
    </message>
    <message>
        <source>Random, candidates:</source>
        <translation>随机搜索，候选数：</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation>折数：</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Queue the search; it runs after the jobs before it</source>
        <translation>将搜索加入队列；它会在之前的任务完成后运行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Keep the best</source>
        <translation>保留最佳</translation>
    </message>
    <message>
        <source>Train the best candidate&apos;s parameters as a normal run, validated on the same folds, and save it to the model history</source>
        <translation>用最佳候选的参数进行一次常规训练，在相同的折上验证，并保存到模型历史</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TuningHeatmap</name>
    <message>
        <source>No searched parameters to show</source>
        <translation>没有可显示的搜索参数</translation>
    </message>
    <message>
        <source>%1 (lower is better)</source>
        <translation>%1（越低越好）</translation>
    </message>
    <message>
        <source>mean %1 over the folds; best outlined</source>
        <translation>各折 %1 的均值；最佳值加框标出</translation>
    </message>
    <message>
        <source>each cell: the best over %1</source>
        <translation>每个单元格：%1 各取值中的最佳值</translation>
    </message>
    <message>
        <source>values grouped into ranges</source>
        <translation>取值已按区间分组</translation>
    </message>
    <message>
        <source>%1: %2 ± %3</source>
        <translation>%1：%2 ± %3</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>The searched parameter along the columns</source>
        <translation>沿列方向排列的搜索参数</translation>
    </message>
    <message>
        <source>The searched parameter along the rows</source>
        <translation>沿行方向排列的搜索参数</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::VersionCompareView</name>
    <message>
        <source>Select two versions in the table and choose Compare (Ctrl+D) to see them side by side.</source>
        <translation>在表格中选择两个版本，然后选择“比较”(Ctrl+D) 以并排查看。</translation>
    </message>
    <message>
        <source>same learner</source>
        <translation>学习器相同</translation>
    </message>
    <message>
        <source>different learners</source>
        <translation>学习器不同</translation>
    </message>
    <message>
        <source>same target</source>
        <translation>目标列相同</translation>
    </message>
    <message>
        <source>different targets</source>
        <translation>目标列不同</translation>
    </message>
    <message>
        <source>same dataset</source>
        <translation>数据集相同</translation>
    </message>
    <message>
        <source>different datasets</source>
        <translation>数据集不同</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B 更好</translation>
    </message>
    <message>
        <source>B is worse</source>
        <translation>B 更差</translation>
    </message>
    <message>
        <source>Parameters (differences highlighted)</source>
        <translation>参数（差异已高亮）</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::VersionDetailsView</name>
    <message>
        <source>version %1 of %2, imported %3</source>
        <translation>%2 中的版本 %1，导入于 %3</translation>
    </message>
    <message>
        <source>No version selected.</source>
        <translation>未选择版本。</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Version %1 “%2”</source>
        <translation>版本 %1“%2”</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Glassbox</source>
        <translation>Glassbox</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <source>Model SHA-256: %1</source>
        <translation>模型 SHA-256：%1</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 行 × %2 列</translation>
    </message>
    <message>
        <source>No parent: trained from scratch.</source>
        <translation>无父版本：从头训练。</translation>
    </message>
    <message>
        <source>this version</source>
        <translation>此版本</translation>
    </message>
    <message>
        <source>(a deleted version)</source>
        <translation>（已删除的版本）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Dataset fingerprint</source>
        <translation>数据集指纹</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>谱系</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <source>Stage, tags and notes</source>
        <translation>阶段、标签和备注</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>评估时间</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>数据准备</translation>
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

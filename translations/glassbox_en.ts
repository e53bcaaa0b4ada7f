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
    <name>EngineText</name>
    <message>
        <source>CART decision tree with native categorical splits and missing values, cost-complexity pruning</source>
        <translation>CART decision tree with native categorical splits and missing values, cost-complexity pruning</translation>
    </message>
    <message>
        <source>random forest: bagged CART trees with feature subsampling, grown in parallel, out-of-bag score</source>
        <translation>random forest: bagged CART trees with feature subsampling, grown in parallel, out-of-bag score</translation>
    </message>
    <message>
        <source>Histogram-based gradient boosted trees, grown leaf-wise (as LightGBM / XGBoost hist)</source>
        <translation>Histogram-based gradient boosted trees, grown leaf-wise (as LightGBM / XGBoost hist)</translation>
    </message>
    <message>
        <source>Logistic regression (binary or multinomial) with L2, L1 or elastic-net penalty</source>
        <translation>Logistic regression (binary or multinomial) with L2, L1 or elastic-net penalty</translation>
    </message>
    <message>
        <source>Linear regression: least squares, ridge, lasso or elastic net</source>
        <translation>Linear regression: least squares, ridge, lasso or elastic net</translation>
    </message>
    <message>
        <source>k nearest neighbours: votes (or averages) over the most similar training rows</source>
        <translation>k nearest neighbours: votes (or averages) over the most similar training rows</translation>
    </message>
    <message>
        <source>Naive Bayes: Gaussian numeric features, smoothed category counts, class priors</source>
        <translation>Naive Bayes: Gaussian numeric features, smoothed category counts, class priors</translation>
    </message>
    <message>
        <source>Multilayer perceptron (LibTorch): dense layers trained by Adam or SGD</source>
        <translation>Multilayer perceptron (LibTorch): dense layers trained by Adam or SGD</translation>
    </message>
    <message>
        <source>split quality: gini or entropy (classification); regression always uses squared_error</source>
        <translation>split quality: gini or entropy (classification); regression always uses squared_error</translation>
    </message>
    <message>
        <source>deepest level a leaf may have (none: grow until pure)</source>
        <translation>deepest level a leaf may have (none: grow until pure)</translation>
    </message>
    <message>
        <source>fewest rows a node needs to be split</source>
        <translation>fewest rows a node needs to be split</translation>
    </message>
    <message>
        <source>fewest rows in a leaf</source>
        <translation>fewest rows in a leaf</translation>
    </message>
    <message>
        <source>features drawn per split: sqrt, log2, all or a fraction</source>
        <translation>features drawn per split: sqrt, log2, all or a fraction</translation>
    </message>
    <message>
        <source>smallest weighted impurity decrease a split must bring</source>
        <translation>smallest weighted impurity decrease a split must bring</translation>
    </message>
    <message>
        <source>balanced: weight classes inversely to their frequency</source>
        <translation>balanced: weight classes inversely to their frequency</translation>
    </message>
    <message>
        <source>cost-complexity pruning strength (0: no pruning)</source>
        <translation>cost-complexity pruning strength (0: no pruning)</translation>
    </message>
    <message>
        <source>value bins per numeric feature when searching thresholds</source>
        <translation>value bins per numeric feature when searching thresholds</translation>
    </message>
    <message>
        <source>number of trees</source>
        <translation>number of trees</translation>
    </message>
    <message>
        <source>grow each tree on a bootstrap sample of the rows (gives the out-of-bag score)</source>
        <translation>grow each tree on a bootstrap sample of the rows (gives the out-of-bag score)</translation>
    </message>
    <message>
        <source>bootstrap sample size as a fraction of the rows (none: all)</source>
        <translation>bootstrap sample size as a fraction of the rows (none: all)</translation>
    </message>
    <message>
        <source>features drawn per split: sqrt, log2, all, a fraction, or auto (sqrt for classification, all for regression)</source>
        <translation>features drawn per split: sqrt, log2, all, a fraction, or auto (sqrt for classification, all for regression)</translation>
    </message>
    <message>
        <source>Boosting rounds (one tree per round, one per class and round for 3+ classes)</source>
        <translation>Boosting rounds (one tree per round, one per class and round for 3+ classes)</translation>
    </message>
    <message>
        <source>Shrinkage: each tree&apos;s leaf values are multiplied by it</source>
        <translation>Shrinkage: each tree&apos;s leaf values are multiplied by it</translation>
    </message>
    <message>
        <source>Leaves per tree; trees grow best-first (leaf-wise) up to it</source>
        <translation>Leaves per tree; trees grow best-first (leaf-wise) up to it</translation>
    </message>
    <message>
        <source>Depth limit of each tree (none: only max_leaves limits it)</source>
        <translation>Depth limit of each tree (none: only max_leaves limits it)</translation>
    </message>
    <message>
        <source>L2 regularization of leaf values: leaf = -G / (H + lambda)</source>
        <translation>L2 regularization of leaf values: leaf = -G / (H + lambda)</translation>
    </message>
    <message>
        <source>Smallest hessian sum a child may have (as XGBoost; with squared error, rows)</source>
        <translation>Smallest hessian sum a child may have (as XGBoost; with squared error, rows)</translation>
    </message>
    <message>
        <source>Smallest gain (XGBoost&apos;s loss change) a split needs</source>
        <translation>Smallest gain (XGBoost&apos;s loss change) a split needs</translation>
    </message>
    <message>
        <source>Fraction of rows each round trains on (seeded draw per round)</source>
        <translation>Fraction of rows each round trains on (seeded draw per round)</translation>
    </message>
    <message>
        <source>Fraction of features each tree may split on (seeded draw per tree)</source>
        <translation>Fraction of features each tree may split on (seeded draw per tree)</translation>
    </message>
    <message>
        <source>Bins per feature (values are binned once before boosting)</source>
        <translation>Bins per feature (values are binned once before boosting)</translation>
    </message>
    <message>
        <source>Hold out validation_fraction of the rows and stop when its loss stops improving</source>
        <translation>Hold out validation_fraction of the rows and stop when its loss stops improving</translation>
    </message>
    <message>
        <source>Share of rows held out for early stopping (stratified for classification)</source>
        <translation>Share of rows held out for early stopping (stratified for classification)</translation>
    </message>
    <message>
        <source>Early stopping: rounds without a better validation loss before stopping</source>
        <translation>Early stopping: rounds without a better validation loss before stopping</translation>
    </message>
    <message>
        <source>Classification: weight classes equally (balanced) or rows equally (none)</source>
        <translation>Classification: weight classes equally (balanced) or rows equally (none)</translation>
    </message>
    <message>
        <source>Penalty on the coefficients (the intercept is never penalized)</source>
        <translation>Penalty on the coefficients (the intercept is never penalized)</translation>
    </message>
    <message>
        <source>Inverse regularization strength: loss = C·Σ log-loss + penalty</source>
        <translation>Inverse regularization strength: loss = C·Σ log-loss + penalty</translation>
    </message>
    <message>
        <source>Elastic net: share of the L1 part in the penalty</source>
        <translation>Elastic net: share of the L1 part in the penalty</translation>
    </message>
    <message>
        <source>Maximum number of solver (L-BFGS / OWL-QN) iterations</source>
        <translation>Maximum number of solver (L-BFGS / OWL-QN) iterations</translation>
    </message>
    <message>
        <source>Stop when every gradient component of the mean loss is at most tol, or an iteration lowers the loss by less than tol·0.0022 of it</source>
        <translation>Stop when every gradient component of the mean loss is at most tol, or an iteration lowers the loss by less than tol·0.0022 of it</translation>
    </message>
    <message>
        <source>balanced: weight classes inversely to their counts; none: every row 1</source>
        <translation>balanced: weight classes inversely to their counts; none: every row 1</translation>
    </message>
    <message>
        <source>Fit an intercept (unpenalized)</source>
        <translation>Fit an intercept (unpenalized)</translation>
    </message>
    <message>
        <source>none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both</source>
        <translation>none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both</translation>
    </message>
    <message>
        <source>Penalty strength, as scikit-learn&apos;s Ridge (‖y−Xw‖² + alpha·‖w‖²) and Lasso / ElasticNet (‖y−Xw‖²/(2n) + alpha·penalty)</source>
        <translation>Penalty strength, as scikit-learn&apos;s Ridge (‖y−Xw‖² + alpha·‖w‖²) and Lasso / ElasticNet (‖y−Xw‖²/(2n) + alpha·penalty)</translation>
    </message>
    <message>
        <source>Maximum iterations of the iterative solvers (lasso, elastic net, many columns)</source>
        <translation>Maximum iterations of the iterative solvers (lasso, elastic net, many columns)</translation>
    </message>
    <message>
        <source>Convergence tolerance (duality gap relative to Σ(y−ȳ)² for lasso and elastic net; gradient size relative to the target&apos;s spread with many columns)</source>
        <translation>Convergence tolerance (duality gap relative to Σ(y−ȳ)² for lasso and elastic net; gradient size relative to the target&apos;s spread with many columns)</translation>
    </message>
    <message>
        <source>Neighbours that vote for each prediction (at most the training rows)</source>
        <translation>Neighbours that vote for each prediction (at most the training rows)</translation>
    </message>
    <message>
        <source>uniform: every neighbour counts the same; distance: 1 / distance (exact matches take all the weight)</source>
        <translation>uniform: every neighbour counts the same; distance: 1 / distance (exact matches take all the weight)</translation>
    </message>
    <message>
        <source>Distance between rows: straight-line or sum of absolute differences</source>
        <translation>Distance between rows: straight-line or sum of absolute differences</translation>
    </message>
    <message>
        <source>Column scaling before distances: mean 0 and deviation 1, range [0, 1], or none</source>
        <translation>Column scaling before distances: mean 0 and deviation 1, range [0, 1], or none</translation>
    </message>
    <message>
        <source>Neighbour search (same results): auto uses a KD-tree up to 64 encoded columns, brute force above</source>
        <translation>Neighbour search (same results): auto uses a KD-tree up to 64 encoded columns, brute force above</translation>
    </message>
    <message>
        <source>Added to every Gaussian variance, as a fraction of the largest numeric feature variance</source>
        <translation>Added to every Gaussian variance, as a fraction of the largest numeric feature variance</translation>
    </message>
    <message>
        <source>Additive smoothing of category counts (1: Laplace)</source>
        <translation>Additive smoothing of category counts (1: Laplace)</translation>
    </message>
    <message>
        <source>Class priors: none uses class frequencies, balanced makes them equal</source>
        <translation>Class priors: none uses class frequencies, balanced makes them equal</translation>
    </message>
    <message>
        <source>units of each hidden layer, comma-separated (e.g. 64,64)</source>
        <translation>units of each hidden layer, comma-separated (e.g. 64,64)</translation>
    </message>
    <message>
        <source>activation of the hidden units</source>
        <translation>activation of the hidden units</translation>
    </message>
    <message>
        <source>fraction of hidden units dropped at random in each training batch</source>
        <translation>fraction of hidden units dropped at random in each training batch</translation>
    </message>
    <message>
        <source>L2 penalty on the weights (scikit-learn&apos;s alpha)</source>
        <translation>L2 penalty on the weights (scikit-learn&apos;s alpha)</translation>
    </message>
    <message>
        <source>Adam, or stochastic gradient descent with Nesterov momentum</source>
        <translation>Adam, or stochastic gradient descent with Nesterov momentum</translation>
    </message>
    <message>
        <source>initial step size of the optimizer</source>
        <translation>initial step size of the optimizer</translation>
    </message>
    <message>
        <source>momentum of SGD (unused by Adam)</source>
        <translation>momentum of SGD (unused by Adam)</translation>
    </message>
    <message>
        <source>learning rate over the epochs: constant, step (x0.1 at 50% and 75%), or cosine</source>
        <translation>learning rate over the epochs: constant, step (x0.1 at 50% and 75%), or cosine</translation>
    </message>
    <message>
        <source>rows per minibatch (auto: min(200, rows))</source>
        <translation>rows per minibatch (auto: min(200, rows))</translation>
    </message>
    <message>
        <source>maximum number of passes over the training rows</source>
        <translation>maximum number of passes over the training rows</translation>
    </message>
    <message>
        <source>hold out validation_fraction of the rows and stop when their score stalls</source>
        <translation>hold out validation_fraction of the rows and stop when their score stalls</translation>
    </message>
    <message>
        <source>fraction of the rows held out for early stopping</source>
        <translation>fraction of the rows held out for early stopping</translation>
    </message>
    <message>
        <source>epochs without an improvement of at least tol before stopping</source>
        <translation>epochs without an improvement of at least tol before stopping</translation>
    </message>
    <message>
        <source>smallest improvement of the loss (or validation score) that counts</source>
        <translation>smallest improvement of the loss (or validation score) that counts</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>regression</translation>
    </message>
    <message>
        <source>index</source>
        <comment>fold rule: row i goes to fold i mod K</comment>
        <translation>index</translation>
    </message>
    <message>
        <source>stratified</source>
        <comment>fold rule: classes spread evenly over the folds</comment>
        <translation>stratified</translation>
    </message>
    <message>
        <source>%1-fold cross-validation (%2), pooled out-of-fold predictions</source>
        <translation>%1-fold cross-validation (%2), pooled out-of-fold predictions</translation>
    </message>
    <message numerus="yes">
        <source>holdout: %n test row(s) (%1)</source>
        <translation>
            <numerusform>holdout: %n test row (%1)</numerusform>
            <numerusform>holdout: %n test rows (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>training rows (no validation)</source>
        <translation>training rows (no validation)</translation>
    </message>
    <message>
        <source>Cast columns, parse dates, and select, drop or rename columns</source>
        <translation>Cast columns, parse dates, and select, drop or rename columns</translation>
    </message>
    <message>
        <source>Check value ranges, allowed categories and required values; report or drop the rows that break a rule</source>
        <translation>Check value ranges, allowed categories and required values; report or drop the rows that break a rule</translation>
    </message>
    <message>
        <source>Drop columns with too many missing values, and training rows with a missing value</source>
        <translation>Drop columns with too many missing values, and training rows with a missing value</translation>
    </message>
    <message>
        <source>Fill missing cells with the training rows&apos; mean, median, most frequent value or a constant</source>
        <translation>Fill missing cells with the training rows&apos; mean, median, most frequent value or a constant</translation>
    </message>
    <message>
        <source>Add a true/false column telling where a column&apos;s value is missing</source>
        <translation>Add a true/false column telling where a column&apos;s value is missing</translation>
    </message>
    <message>
        <source>Drop training rows that repeat an earlier row, keeping the first</source>
        <translation>Drop training rows that repeat an earlier row, keeping the first</translation>
    </message>
    <message>
        <source>Outliers by z-score, interquartile range or isolation forest, learnt on the training rows: flagged in a column or dropped from training</source>
        <translation>Outliers by z-score, interquartile range or isolation forest, learnt on the training rows: flagged in a column or dropped from training</translation>
    </message>
    <message>
        <source>Scale numeric columns (standard, min-max or robust) by statistics of the training rows</source>
        <translation>Scale numeric columns (standard, min-max or robust) by statistics of the training rows</translation>
    </message>
    <message>
        <source>Encode categorical columns one-hot or as ordinal codes, with the levels of the training rows</source>
        <translation>Encode categorical columns one-hot or as ordinal codes, with the levels of the training rows</translation>
    </message>
    <message>
        <source>Bin numeric columns into categorical intervals (equal width or quantiles of the training rows)</source>
        <translation>Bin numeric columns into categorical intervals (equal width or quantiles of the training rows)</translation>
    </message>
    <message>
        <source>random over-sampling of the smaller classes (training rows only)</source>
        <translation>random over-sampling of the smaller classes (training rows only)</translation>
    </message>
    <message>
        <source>random under-sampling of the larger classes (training rows only)</source>
        <translation>random under-sampling of the larger classes (training rows only)</translation>
    </message>
    <message>
        <source>SMOTE: synthetic rows of the smaller classes between neighbours, numeric features (training rows only)</source>
        <translation>SMOTE: synthetic rows of the smaller classes between neighbours, numeric features (training rows only)</translation>
    </message>
    <message>
        <source>SMOTE-NC: SMOTE for numeric and categorical features (training rows only)</source>
        <translation>SMOTE-NC: SMOTE for numeric and categorical features (training rows only)</translation>
    </message>
    <message>
        <source>Column roles (identifier, quasi-identifier, sensitive): identifiers kept as text, never features; report of k-anonymity and l-diversity</source>
        <translation>Column roles (identifier, quasi-identifier, sensitive): identifiers kept as text, never features; report of k-anonymity and l-diversity</translation>
    </message>
    <message>
        <source>Replace identifiers by keyed pseudonyms (HMAC-SHA256 under a secret key file), kept as text columns</source>
        <translation>Replace identifiers by keyed pseudonyms (HMAC-SHA256 under a secret key file), kept as text columns</translation>
    </message>
    <message>
        <source>Generalize quasi-identifiers: numbers to ranges, dates to months or years, strings truncated</source>
        <translation>Generalize quasi-identifiers: numbers to ranges, dates to months or years, strings truncated</translation>
    </message>
    <message>
        <source>k-anonymity over quasi-identifiers: report the smallest group of rows sharing their values, suppress the rows of groups smaller than k</source>
        <translation>k-anonymity over quasi-identifiers: report the smallest group of rows sharing their values, suppress the rows of groups smaller than k</translation>
    </message>
    <message>
        <source>Differentially private release of numeric columns: Laplace or Gaussian noise on a grid from the system&apos;s CSPRNG, epsilon charged to the privacy budget</source>
        <translation>Differentially private release of numeric columns: Laplace or Gaussian noise on a grid from the system&apos;s CSPRNG, epsilon charged to the privacy budget</translation>
    </message>
    <message>
        <source>Columns and their new types, e.g. age=numeric;zip=categorical</source>
        <translation>Columns and their new types, e.g. age=numeric;zip=categorical</translation>
    </message>
    <message>
        <source>Columns read as dates, e.g. when=%Y-%m-%d (no pattern: ISO 8601)</source>
        <translation>Columns read as dates, e.g. when=%Y-%m-%d (no pattern: ISO 8601)</translation>
    </message>
    <message>
        <source>Keep only these columns (&apos;;&apos; list)</source>
        <translation>Keep only these columns (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>Drop these columns (&apos;;&apos; list)</source>
        <translation>Drop these columns (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>Renames, e.g. old&gt;new;a&gt;b</source>
        <translation>Renames, e.g. old&gt;new;a&gt;b</translation>
    </message>
    <message>
        <source>Rules separated by &apos;;&apos;: COLUMN&gt;=N, COLUMN&lt;=N, COLUMN&gt;N, COLUMN&lt;N, COLUMN in A|B|C, COLUMN not-missing</source>
        <translation>Rules separated by &apos;;&apos;: COLUMN&gt;=N, COLUMN&lt;=N, COLUMN&gt;N, COLUMN&lt;N, COLUMN in A|B|C, COLUMN not-missing</translation>
    </message>
    <message>
        <source>Only report the rows breaking a rule, or also drop them from the training rows</source>
        <translation>Only report the rows breaking a rule, or also drop them from the training rows</translation>
    </message>
    <message>
        <source>Row numbers listed per rule in the report</source>
        <translation>Row numbers listed per rule in the report</translation>
    </message>
    <message>
        <source>Drop a column whose share of missing training cells exceeds this</source>
        <translation>Drop a column whose share of missing training cells exceeds this</translation>
    </message>
    <message>
        <source>Drop training rows with a missing value</source>
        <translation>Drop training rows with a missing value</translation>
    </message>
    <message>
        <source>Columns whose missing values drop a row (&apos;;&apos; list); empty: every column</source>
        <translation>Columns whose missing values drop a row (&apos;;&apos; list); empty: every column</translation>
    </message>
    <message>
        <source>How the fill value is learnt from the training rows</source>
        <translation>How the fill value is learnt from the training rows</translation>
    </message>
    <message>
        <source>Columns to impute (&apos;;&apos; list); empty: every column with missing values but the target</source>
        <translation>Columns to impute (&apos;;&apos; list); empty: every column with missing values but the target</translation>
    </message>
    <message>
        <source>The fill value of strategy constant</source>
        <translation>The fill value of strategy constant</translation>
    </message>
    <message>
        <source>Columns to flag (&apos;;&apos; list); empty: every column with missing values but the target</source>
        <translation>Columns to flag (&apos;;&apos; list); empty: every column with missing values but the target</translation>
    </message>
    <message>
        <source>Columns compared (&apos;;&apos; list); empty: every column</source>
        <translation>Columns compared (&apos;;&apos; list); empty: every column</translation>
    </message>
    <message>
        <source>z-score, interquartile range or isolation forest</source>
        <translation>z-score, interquartile range or isolation forest</translation>
    </message>
    <message>
        <source>z: largest |z| kept (auto 3); iqr: IQRs beyond the quartiles kept (auto 1.5)</source>
        <translation>z: largest |z| kept (auto 3); iqr: IQRs beyond the quartiles kept (auto 1.5)</translation>
    </message>
    <message>
        <source>isolation forest: share of training rows that are outliers</source>
        <translation>isolation forest: share of training rows that are outliers</translation>
    </message>
    <message>
        <source>isolation forest: number of trees</source>
        <translation>isolation forest: number of trees</translation>
    </message>
    <message>
        <source>isolation forest: rows drawn for each tree</source>
        <translation>isolation forest: rows drawn for each tree</translation>
    </message>
    <message>
        <source>numeric columns to check; auto: all but the target</source>
        <translation>numeric columns to check; auto: all but the target</translation>
    </message>
    <message>
        <source>flag: add a boolean &quot;outlier&quot; column; drop: remove outlier rows from the training data</source>
        <translation>flag: add a boolean &quot;outlier&quot; column; drop: remove outlier rows from the training data</translation>
    </message>
    <message>
        <source>standard: mean 0, std 1; minmax: [0, 1]; robust: median 0, IQR 1</source>
        <translation>standard: mean 0, std 1; minmax: [0, 1]; robust: median 0, IQR 1</translation>
    </message>
    <message>
        <source>numeric columns to scale; auto: all but the target</source>
        <translation>numeric columns to scale; auto: all but the target</translation>
    </message>
    <message>
        <source>one-hot: a 0/1 column per level; ordinal: one column of level codes</source>
        <translation>one-hot: a 0/1 column per level; ordinal: one column of level codes</translation>
    </message>
    <message>
        <source>one-hot: leave out the first level&apos;s column</source>
        <translation>one-hot: leave out the first level&apos;s column</translation>
    </message>
    <message>
        <source>ordinal: the levels in code order (a;b;c), or sorted</source>
        <translation>ordinal: the levels in code order (a;b;c), or sorted</translation>
    </message>
    <message>
        <source>categorical columns to encode; auto: all but the target</source>
        <translation>categorical columns to encode; auto: all but the target</translation>
    </message>
    <message>
        <source>equal-width bins between the training min and max, or bins holding equal shares of the training rows</source>
        <translation>equal-width bins between the training min and max, or bins holding equal shares of the training rows</translation>
    </message>
    <message>
        <source>number of bins</source>
        <translation>number of bins</translation>
    </message>
    <message>
        <source>numeric columns to bin; auto: all but the target</source>
        <translation>numeric columns to bin; auto: all but the target</translation>
    </message>
    <message>
        <source>each smaller class is raised to ratio x the largest class&apos;s rows (1 balances the classes)</source>
        <translation>each smaller class is raised to ratio x the largest class&apos;s rows (1 balances the classes)</translation>
    </message>
    <message>
        <source>each larger class is cut to the smallest class&apos;s rows / ratio (1 balances the classes)</source>
        <translation>each larger class is cut to the smallest class&apos;s rows / ratio (1 balances the classes)</translation>
    </message>
    <message>
        <source>nearest neighbours of the same class</source>
        <translation>nearest neighbours of the same class</translation>
    </message>
    <message>
        <source>Columns that name a person (&apos;;&apos; list): kept as text, never features</source>
        <translation>Columns that name a person (&apos;;&apos; list): kept as text, never features</translation>
    </message>
    <message>
        <source>Columns that together could single a person out (&apos;;&apos; list)</source>
        <translation>Columns that together could single a person out (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>Columns whose values must not be tied to a person (&apos;;&apos; list)</source>
        <translation>Columns whose values must not be tied to a person (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>The k of k-anonymity the report measures against</source>
        <translation>The k of k-anonymity the report measures against</translation>
    </message>
    <message>
        <source>Identifier columns to pseudonymize (&apos;;&apos; list)</source>
        <translation>Identifier columns to pseudonymize (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>File of the secret key, kept apart from the data; created with mode 0600 on first use</source>
        <translation>File of the secret key, kept apart from the data; created with mode 0600 on first use</translation>
    </message>
    <message>
        <source>Hex digits of the HMAC kept in each pseudonym</source>
        <translation>Hex digits of the HMAC kept in each pseudonym</translation>
    </message>
    <message>
        <source>Text put before the hex digits</source>
        <translation>Text put before the hex digits</translation>
    </message>
    <message>
        <source>Quasi-identifier columns to generalize (&apos;;&apos; list)</source>
        <translation>Quasi-identifier columns to generalize (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>ranges: numbers to ranges; month, year: dates; truncate: strings cut short</source>
        <translation>ranges: numbers to ranges; month, year: dates; truncate: strings cut short</translation>
    </message>
    <message>
        <source>ranges: the width of each range</source>
        <translation>ranges: the width of each range</translation>
    </message>
    <message>
        <source>ranges: where a range starts</source>
        <translation>ranges: where a range starts</translation>
    </message>
    <message>
        <source>truncate: characters kept</source>
        <translation>truncate: characters kept</translation>
    </message>
    <message>
        <source>truncate: appended to a cut value</source>
        <translation>truncate: appended to a cut value</translation>
    </message>
    <message>
        <source>Every combination of quasi-identifier values is shared by at least k rows</source>
        <translation>Every combination of quasi-identifier values is shared by at least k rows</translation>
    </message>
    <message>
        <source>report: measure only; suppress: remove the training rows of groups smaller than k</source>
        <translation>report: measure only; suppress: remove the training rows of groups smaller than k</translation>
    </message>
    <message>
        <source>Numeric columns to release with noise (&apos;;&apos; list), without missing values</source>
        <translation>Numeric columns to release with noise (&apos;;&apos; list), without missing values</translation>
    </message>
    <message>
        <source>Privacy loss of the step, split evenly over the columns</source>
        <translation>Privacy loss of the step, split evenly over the columns</translation>
    </message>
    <message>
        <source>laplace: epsilon-DP; gaussian: (epsilon, delta)-DP</source>
        <translation>laplace: epsilon-DP; gaussian: (epsilon, delta)-DP</translation>
    </message>
    <message>
        <source>gaussian: the delta of (epsilon, delta)-DP, below 1, split like epsilon</source>
        <translation>gaussian: the delta of (epsilon, delta)-DP, below 1, split like epsilon</translation>
    </message>
    <message>
        <source>Values are clamped to at least this: auto (the data&apos;s minimum, not private), one number or one per column (&apos;;&apos; list)</source>
        <translation>Values are clamped to at least this: auto (the data&apos;s minimum, not private), one number or one per column (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>Values are clamped to at most this: auto (the data&apos;s maximum, not private), one number or one per column (&apos;;&apos; list)</source>
        <translation>Values are clamped to at most this: auto (the data&apos;s maximum, not private), one number or one per column (&apos;;&apos; list)</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>action</source>
        <translation>action</translation>
    </message>
    <message>
        <source>target</source>
        <translation>target</translation>
    </message>
    <message>
        <source>target k</source>
        <translation>target k</translation>
    </message>
    <message>
        <source>k before</source>
        <translation>k before</translation>
    </message>
    <message>
        <source>rows at risk</source>
        <translation>rows at risk</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>classes</translation>
    </message>
    <message>
        <source>identifiers</source>
        <translation>identifiers</translation>
    </message>
    <message>
        <source>l-diversity</source>
        <translation>l-diversity</translation>
    </message>
    <message>
        <source>key id</source>
        <translation>key id</translation>
    </message>
    <message>
        <source>epsilon spent</source>
        <translation>epsilon spent</translation>
    </message>
    <message>
        <source>delta spent</source>
        <translation>delta spent</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>synthetic rows</source>
        <translation>synthetic rows</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>score threshold</source>
        <translation>score threshold</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>rows with missing values (not used by SMOTE)</source>
        <translation>rows with missing values (not used by SMOTE)</translation>
    </message>
    <message>
        <source>rows per class before</source>
        <translation>rows per class before</translation>
    </message>
    <message>
        <source>rows per class after</source>
        <translation>rows per class after</translation>
    </message>
    <message>
        <source>rows breaking a rule</source>
        <translation>rows breaking a rule</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>ratio</translation>
    </message>
    <message>
        <source>outlier rows</source>
        <translation>outlier rows</translation>
    </message>
    <message>
        <source>k used (small classes)</source>
        <translation>k used (small classes)</translation>
    </message>
    <message>
        <source>duplicate groups</source>
        <translation>duplicate groups</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>rule %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>column %1</translation>
    </message>
    <message>
        <source>unknown levels in %1</source>
        <translation>unknown levels in %1</translation>
    </message>
    <message>
        <source>rename %1</source>
        <translation>rename %1</translation>
    </message>
    <message>
        <source>distinct values %1</source>
        <translation>distinct values %1</translation>
    </message>
    <message>
        <source>distinct before %1</source>
        <translation>distinct before %1</translation>
    </message>
    <message>
        <source>distinct after %1</source>
        <translation>distinct after %1</translation>
    </message>
    <message>
        <source>dates %1</source>
        <translation>dates %1</translation>
    </message>
    <message>
        <source>cast %1</source>
        <translation>cast %1</translation>
    </message>
    <message>
        <source>bounds %1</source>
        <translation>bounds %1</translation>
    </message>
    <message>
        <source>bins %1</source>
        <translation>bins %1</translation>
    </message>
    <message>
        <source>noise sd %1</source>
        <translation>noise sd %1</translation>
    </message>
    <message>
        <source>grid step %1</source>
        <translation>grid step %1</translation>
    </message>
    <message>
        <source>l-diversity %1</source>
        <translation>l-diversity %1</translation>
    </message>
</context>
<context>
    <name>EngineThread</name>
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
    <name>PlotExport</name>
    <message>
        <source>Cannot export to %1: use a .png, .svg or .pdf file name.</source>
        <translation>Cannot export to %1: use a .png, .svg or .pdf file name.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Export Picture</source>
        <translation>Export Picture</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
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
    <name>glassbox::gui::CalibrationPlot</name>
    <message>
        <source>Perfectly calibrated</source>
        <translation>Perfectly calibrated</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <source>Calibration — positive class: %1</source>
        <translation>Calibration — positive class: %1</translation>
    </message>
    <message>
        <source>Calibration — each class against the rest</source>
        <translation>Calibration — each class against the rest</translation>
    </message>
    <message>
        <source>Calibration — %1 against the rest</source>
        <translation>Calibration — %1 against the rest</translation>
    </message>
    <message>
        <source>No curves to show</source>
        <translation>No curves to show</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) of equal width</source>
        <translation>
            <numerusform>%n bin of equal width</numerusform>
            <numerusform>%n bins of equal width</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) holding equal numbers of scores</source>
        <translation>
            <numerusform>%n bin holding equal numbers of scores</numerusform>
            <numerusform>%n bins holding equal numbers of scores</numerusform>
        </translation>
    </message>
    <message>
        <source>histogram: rows per bin, %1 rows</source>
        <translation>histogram: rows per bin, %1 rows</translation>
    </message>
    <message>
        <source>empty bins have no point</source>
        <translation>empty bins have no point</translation>
    </message>
    <message>
        <source>Fraction of positives</source>
        <translation>Fraction of positives</translation>
    </message>
    <message>
        <source>Predicted probability</source>
        <translation>Predicted probability</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
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
    <name>glassbox::gui::ConfusionMatrixView</name>
    <message>
        <source>True: %1
Predicted: %2
%3 rows: %4 of the true class, %5 of all</source>
        <translation>True: %1
Predicted: %2
%3 rows: %4 of the true class, %5 of all</translation>
    </message>
    <message>
        <source>True class: %1</source>
        <translation>True class: %1</translation>
    </message>
    <message>
        <source>Predicted class: %1</source>
        <translation>Predicted class: %1</translation>
    </message>
    <message>
        <source>No confusion matrix</source>
        <translation>No confusion matrix</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Predicted class</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>True class</translation>
    </message>
    <message>
        <source>Rows: true class; columns: predicted class. Click a cell to select its rows.</source>
        <translation>Rows: true class; columns: predicted class. Click a cell to select its rows.</translation>
    </message>
    <message>
        <source>&amp;Percent of:</source>
        <translation>&amp;Percent of:</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>true class</translation>
    </message>
    <message>
        <source>all rows</source>
        <translation>all rows</translation>
    </message>
    <message>
        <source>What each cell&apos;s percentage is relative to; the colour always shows the share of the true class</source>
        <translation>What each cell&apos;s percentage is relative to; the colour always shows the share of the true class</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::CurveRunsPlot</name>
    <message>
        <source>class %1</source>
        <translation>class %1</translation>
    </message>
    <message>
        <source>Every class</source>
        <translation>Every class</translation>
    </message>
    <message>
        <source>%1 against the rest</source>
        <translation>%1 against the rest</translation>
    </message>
    <message>
        <source>Micro average</source>
        <translation>Micro average</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>Macro average</translation>
    </message>
    <message>
        <source>Curves:</source>
        <translation>Curves:</translation>
    </message>
    <message>
        <source>Which class&apos;s curves are shown (one class against the rest)</source>
        <translation>Which class&apos;s curves are shown (one class against the rest)</translation>
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
    <name>glassbox::gui::ExplainView</name>
    <message>
        <source>Tree</source>
        <translation>Tree</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Importance</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>Precision–recall</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <source>SHAP</source>
        <translation>SHAP</translation>
    </message>
    <message>
        <source>Partial dependence</source>
        <translation>Partial dependence</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>Tuning</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Mean |SHAP|</source>
        <translation>Mean |SHAP|</translation>
    </message>
    <message>
        <source>One row</source>
        <translation>One row</translation>
    </message>
    <message>
        <source>Dependence</source>
        <translation>Dependence</translation>
    </message>
    <message>
        <source>Impurity / gain (from the trees)</source>
        <translation>Impurity / gain (from the trees)</translation>
    </message>
    <message>
        <source>Permutation (on the data, 5 repeats)</source>
        <translation>Permutation (on the data, 5 repeats)</translation>
    </message>
    <message>
        <source>Train a model (or select a run) to explain it.</source>
        <translation>Train a model (or select a run) to explain it.</translation>
    </message>
    <message>
        <source>%1 has no trees to draw.</source>
        <translation>%1 has no trees to draw.</translation>
    </message>
    <message>
        <source>Select a row in the data table to see its path; click a node to select its rows.</source>
        <translation>Select a row in the data table to see its path; click a node to select its rows.</translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation>, version %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt;: %2 → %3%4</source>
        <translation>&lt;b&gt;Run %1&lt;/b&gt;: %2 → %3%4</translation>
    </message>
    <message>
        <source>Curves are drawn for classification models.</source>
        <translation>Curves are drawn for classification models.</translation>
    </message>
    <message>
        <source>Run %1 %2</source>
        <translation>Run %1 %2</translation>
    </message>
    <message>
        <source>Computing the curves…</source>
        <translation>Computing the curves…</translation>
    </message>
    <message>
        <source>Computing the importance…</source>
        <translation>Computing the importance…</translation>
    </message>
    <message>
        <source>Computing SHAP values…</source>
        <translation>Computing SHAP values…</translation>
    </message>
    <message>
        <source>Computing partial dependence…</source>
        <translation>Computing partial dependence…</translation>
    </message>
    <message>
        <source>Scored on the runs&apos; validation predictions.</source>
        <translation>Scored on the runs&apos; validation predictions.</translation>
    </message>
    <message>
        <source>SHAP values of a sample of %1 of %2 rows.</source>
        <translation>SHAP values of a sample of %1 of %2 rows.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ExplanationWorker</name>
    <message>
        <source>Curves need a classification model.</source>
        <translation>Curves need a classification model.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ExportablePlot</name>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the picture as PNG, SVG or PDF</source>
        <translation>Save the picture as PNG, SVG or PDF</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the picture to the clipboard</source>
        <translation>Copy the picture to the clipboard</translation>
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
    <name>glassbox::gui::HistoryModel</name>
    <message>
        <source>%1
%2 rows, %3 columns
SHA-256 %4</source>
        <translation>%1
%2 rows, %3 columns
SHA-256 %4</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Learner</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>staging</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archived</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::HistoryView</name>
    <message>
        <source>Version %1 exported to %2.</source>
        <translation>Version %1 exported to %2.</translation>
    </message>
    <message>
        <source>%1 imported as version %2.</source>
        <translation>%1 imported as version %2.</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Text in any column</source>
        <translation>Text in any column</translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation>Learner:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>All learners</source>
        <translation>All learners</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>All targets</translation>
    </message>
    <message>
        <source>Metric over versions</source>
        <translation>Metric over versions</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>List the versions again (F5)</source>
        <translation>List the versions again (F5)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Compare the two selected versions side by side (Ctrl+D)</source>
        <translation>Compare the two selected versions side by side (Ctrl+D)</translation>
    </message>
    <message>
        <source>Predict with…</source>
        <translation>Predict with…</translation>
    </message>
    <message>
        <source>Predict new data with the current version</source>
        <translation>Predict new data with the current version</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>Evaluate…</translation>
    </message>
    <message>
        <source>Evaluate the current version on labelled data</source>
        <translation>Evaluate the current version on labelled data</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>Explain…</translation>
    </message>
    <message>
        <source>Explain the current version&apos;s predictions</source>
        <translation>Explain the current version&apos;s predictions</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Write the current version to a file</source>
        <translation>Write the current version to a file</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Add a version from an exported file</source>
        <translation>Add a version from an exported file</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the current version from the history (Del)</source>
        <translation>Delete the current version from the history (Del)</translation>
    </message>
    <message>
        <source>No version selected.</source>
        <translation>No version selected.</translation>
    </message>
    <message>
        <source>%1 of the versions predicting “%2” from %3</source>
        <translation>%1 of the versions predicting “%2” from %3</translation>
    </message>
    <message>
        <source>This version has no metric.</source>
        <translation>This version has no metric.</translation>
    </message>
    <message>
        <source>Model history</source>
        <translation>Model history</translation>
    </message>
    <message>
        <source>Export version %1</source>
        <translation>Export version %1</translation>
    </message>
    <message>
        <source>Glassbox versions (*.gbv)</source>
        <translation>Glassbox versions (*.gbv)</translation>
    </message>
    <message>
        <source>Exporting version %1…</source>
        <translation>Exporting version %1…</translation>
    </message>
    <message>
        <source>Import version</source>
        <translation>Import version</translation>
    </message>
    <message>
        <source>Glassbox versions (*.gbv);;All files (*)</source>
        <translation>Glassbox versions (*.gbv);;All files (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>version %1 (%2, target “%3”)</source>
        <translation>version %1 (%2, target “%3”)</translation>
    </message>
    <message>
        <source>version %1 “%2” (%3, target “%4”)</source>
        <translation>version %1 “%2” (%3, target “%4”)</translation>
    </message>
    <message>
        <source>Delete %1?

Its model and its evaluations are removed from the history. This cannot be undone.</source>
        <translation>Delete %1?

Its model and its evaluations are removed from the history. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete version %1</source>
        <translation>Delete version %1</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n version(s) shown</source>
        <translation>
            <numerusform>%1 of %n version shown</numerusform>
            <numerusform>%1 of %n versions shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::HistoryWorker</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ImportancePlot</name>
    <message>
        <source>%1 ± %2 (standard deviation over the shuffles)</source>
        <translation>%1 ± %2 (standard deviation over the shuffles)</translation>
    </message>
    <message>
        <source>Rank %1 of %2</source>
        <translation>Rank %1 of %2</translation>
    </message>
    <message>
        <source>Mean decrease in %1 when the feature is shuffled</source>
        <translation>Mean decrease in %1 when the feature is shuffled</translation>
    </message>
    <message>
        <source>Share of the total gain</source>
        <translation>Share of the total gain</translation>
    </message>
    <message>
        <source>Mean decrease in impurity</source>
        <translation>Mean decrease in impurity</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n feature(s)</source>
        <translation>
            <numerusform>Showing %1 of %n feature</numerusform>
            <numerusform>Showing %1 of %n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean of %n shuffle(s) ± 1 standard deviation · %1 unshuffled: %2 on %3 rows</source>
        <translation>
            <numerusform>mean of %n shuffle ± 1 standard deviation · %1 unshuffled: %2 on %3 rows</numerusform>
            <numerusform>mean of %n shuffles ± 1 standard deviation · %1 unshuffled: %2 on %3 rows</numerusform>
        </translation>
    </message>
    <message>
        <source>No importance to show</source>
        <translation>No importance to show</translation>
    </message>
    <message>
        <source>Feature importance</source>
        <translation>Feature importance</translation>
    </message>
    <message>
        <source>Show top:</source>
        <translation>Show top:</translation>
    </message>
    <message>
        <source>How many of the most important features are shown</source>
        <translation>How many of the most important features are shown</translation>
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
    <message>
        <source>Training cancelled.</source>
        <translation>Training cancelled.</translation>
    </message>
    <message>
        <source>The data this run was trained on is no longer open.</source>
        <translation>The data this run was trained on is no longer open.</translation>
    </message>
    <message>
        <source>Not saved in the history</source>
        <translation>Not saved in the history</translation>
    </message>
    <message>
        <source>%1 was trained, but it could not be saved in the model history.</source>
        <translation>%1 was trained, but it could not be saved in the model history.</translation>
    </message>
    <message>
        <source>%1 trained and saved as version %2.</source>
        <translation>%1 trained and saved as version %2.</translation>
    </message>
    <message>
        <source>%1 trained.</source>
        <translation>%1 trained.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training failed</translation>
    </message>
    <message>
        <source>The model could not be trained.</source>
        <translation>The model could not be trained.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows selected.</source>
        <translation>
            <numerusform>%Ln row selected.</numerusform>
            <numerusform>%Ln rows selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>&amp;Training Panel</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Model History</source>
        <translation>Model History</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predict</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Runs</translation>
    </message>
    <message>
        <source>Model &amp;History</source>
        <translation>Model &amp;History</translation>
    </message>
    <message>
        <source>&amp;Predict</source>
        <translation>&amp;Predict</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <source>&amp;Train	Ctrl+Return</source>
        <translation>&amp;Train	Ctrl+Return</translation>
    </message>
    <message>
        <source>Train the chosen learner on the open table</source>
        <translation>Train the chosen learner on the open table</translation>
    </message>
    <message>
        <source>T&amp;une…</source>
        <translation>T&amp;une…</translation>
    </message>
    <message>
        <source>Search the learner&apos;s parameters for the best score</source>
        <translation>Search the learner&apos;s parameters for the best score</translation>
    </message>
    <message>
        <source>&amp;Cancel All Training</source>
        <translation>&amp;Cancel All Training</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Explain</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <source>&amp;Preparation Panel</source>
        <translation>&amp;Preparation Panel</translation>
    </message>
    <message>
        <source>%1 (prepared)</source>
        <translation>%1 (prepared)</translation>
    </message>
    <message>
        <source>The Data view shows %1 prepared by: %2.</source>
        <translation>The Data view shows %1 prepared by: %2.</translation>
    </message>
    <message>
        <source>The Data view shows %1 as read from the file.</source>
        <translation>The Data view shows %1 as read from the file.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::MetricSeriesChart</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>no values</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metric:</translation>
    </message>
    <message>
        <source>The metric shown over the versions</source>
        <translation>The metric shown over the versions</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ParamForm</name>
    <message>
        <source>This learner has no parameters.</source>
        <translation>This learner has no parameters.</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Reset to defaults</translation>
    </message>
    <message>
        <source>Set every parameter back to the learner&apos;s default</source>
        <translation>Set every parameter back to the learner&apos;s default</translation>
    </message>
    <message>
        <source>%1
Allowed: %2
Default: %3</source>
        <translation>%1
Allowed: %2
Default: %3</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PdpPlot</name>
    <message>
        <source>Output %1</source>
        <translation>Output %1</translation>
    </message>
    <message>
        <source>No partial dependence to show</source>
        <translation>No partial dependence to show</translation>
    </message>
    <message>
        <source>ICE (one per row)</source>
        <translation>ICE (one per row)</translation>
    </message>
    <message>
        <source>Probability of %1</source>
        <translation>Probability of %1</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Prediction</translation>
    </message>
    <message>
        <source>Predicted %1</source>
        <translation>Predicted %1</translation>
    </message>
    <message numerus="yes">
        <source>average over %n row(s)</source>
        <translation>
            <numerusform>average over %n row</numerusform>
            <numerusform>average over %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>showing %1 of %2 ICE curves</source>
        <translation>showing %1 of %2 ICE curves</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>The class whose probability is drawn</source>
        <translation>The class whose probability is drawn</translation>
    </message>
    <message>
        <source>ICE curves</source>
        <translation>ICE curves</translation>
    </message>
    <message>
        <source>Partial dependence (average)</source>
        <translation>Partial dependence (average)</translation>
    </message>
    <message>
        <source>One thin line per row: the prediction as only this feature changes</source>
        <translation>One thin line per row: the prediction as only this feature changes</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PlotWidget</name>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the plot as a PNG, SVG or PDF file</source>
        <translation>Save the plot as a PNG, SVG or PDF file</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the plot to the clipboard as a picture</source>
        <translation>Copy the plot to the clipboard as a picture</translation>
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
        <translation>%1: %2 of %3 points</translation>
    </message>
    <message>
        <source>No skill (positive rate %1)</source>
        <translation>No skill (positive rate %1)</translation>
    </message>
    <message>
        <source>Precision–recall curve</source>
        <translation>Precision–recall curve</translation>
    </message>
    <message>
        <source>Precision–recall curve — positive class: %1</source>
        <translation>Precision–recall curve — positive class: %1</translation>
    </message>
    <message>
        <source>Precision–recall curves — each class against the rest</source>
        <translation>Precision–recall curves — each class against the rest</translation>
    </message>
    <message>
        <source>Precision–recall curve — %1 against the rest</source>
        <translation>Precision–recall curve — %1 against the rest</translation>
    </message>
    <message>
        <source>No curves to show</source>
        <translation>No curves to show</translation>
    </message>
    <message>
        <source>Long curves drawn from a subset of their points (%1); average precision from every point</source>
        <translation>Long curves drawn from a subset of their points (%1); average precision from every point</translation>
    </message>
    <message numerus="yes">
        <source>%n long curve(s) drawn from at most about %1 of their points each; average precision from every point</source>
        <translation>
            <numerusform>%n long curve drawn from at most about %1 of its points; average precision from every point</numerusform>
            <numerusform>%n long curves drawn from at most about %1 of their points each; average precision from every point</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashed lines: each class&apos;s no-skill precision (its positive rate)</source>
        <translation>Dashed lines: each class&apos;s no-skill precision (its positive rate)</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PredictView</name>
    <message numerus="yes">
        <source>Exported %Ln rows to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <source>List the model history&apos;s versions again</source>
        <translation>List the model history&apos;s versions again</translation>
    </message>
    <message>
        <source>Open &amp;data…</source>
        <translation>Open &amp;data…</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, ARFF or SQLite file to predict on</source>
        <translation>Open a CSV, TSV, ARFF or SQLite file to predict on</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Save the data with the predictions as CSV</source>
        <translation>Save the data with the predictions as CSV</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predict</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Predicted class</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Alert when</source>
        <translation>Alert when</translation>
    </message>
    <message>
        <source>The threshold the metric is checked against</source>
        <translation>The threshold the metric is checked against</translation>
    </message>
    <message>
        <source>Decision threshold:</source>
        <translation>Decision threshold:</translation>
    </message>
    <message>
        <source>Binary models: predict the second class when its probability is at least this</source>
        <translation>Binary models: predict the second class when its probability is at least this</translation>
    </message>
    <message>
        <source>E&amp;valuate</source>
        <translation>E&amp;valuate</translation>
    </message>
    <message>
        <source>Score the model on the labelled rows and keep the evaluation in the history</source>
        <translation>Score the model on the labelled rows and keep the evaluation in the history</translation>
    </message>
    <message>
        <source>&lt;b&gt;Metrics&lt;/b&gt;</source>
        <translation>&lt;b&gt;Metrics&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;Per class&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt; (rows: true class, columns: predicted)</source>
        <translation>&lt;b&gt;Confusion matrix&lt;/b&gt; (rows: true class, columns: predicted)</translation>
    </message>
    <message>
        <source>Importance:</source>
        <translation>Importance:</translation>
    </message>
    <message>
        <source>Permutation (on the labelled rows)</source>
        <translation>Permutation (on the labelled rows)</translation>
    </message>
    <message>
        <source>Impurity (tree models)</source>
        <translation>Impurity (tree models)</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Compute</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Importance</translation>
    </message>
    <message>
        <source>± std</source>
        <translation>± std</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>Explain:</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>#%1 %2 → %3</source>
        <translation>#%1 %2 → %3</translation>
    </message>
    <message>
        <source> (%1 %2)</source>
        <translation> (%1 %2)</translation>
    </message>
    <message>
        <source>No saved models yet</source>
        <translation>No saved models yet</translation>
    </message>
    <message>
        <source>Choose a saved model…</source>
        <translation>Choose a saved model…</translation>
    </message>
    <message>
        <source>Version #%1 is not in the model history.</source>
        <translation>Version #%1 is not in the model history.</translation>
    </message>
    <message>
        <source>Open Data to Predict On</source>
        <translation>Open Data to Predict On</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff *.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>Data files (*.csv *.tsv *.txt *.arff *.sqlite *.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>Choose a Table</translation>
    </message>
    <message>
        <source>%1 holds several tables. Which one?</source>
        <translation>%1 holds several tables. Which one?</translation>
    </message>
    <message>
        <source>No data open</source>
        <translation>No data open</translation>
    </message>
    <message>
        <source>%1 — %2 × %3</source>
        <translation>%1 — %2 × %3</translation>
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
    <message>
        <source>Choose a saved model above, then open data to predict on.</source>
        <translation>Choose a saved model above, then open data to predict on.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Version #%1&lt;/b&gt; %2&lt;br&gt;Learner: %3&lt;br&gt;Task: %4, target &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>&lt;b&gt;Version #%1&lt;/b&gt; %2&lt;br&gt;Learner: %3&lt;br&gt;Task: %4, target &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Classes: %1</source>
        <translation>&lt;br&gt;Classes: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Features (%1): %2</source>
        <translation>&lt;br&gt;Features (%1): %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Created %1</source>
        <translation>&lt;br&gt;Created %1</translation>
    </message>
    <message>
        <source>Open data to see its predictions.</source>
        <translation>Open data to see its predictions.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln rows predicted&lt;/b&gt;&lt;br&gt;mean %1, min %2, max %3</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln row predicted&lt;/b&gt;&lt;br&gt;mean %1, min %2, max %3</numerusform>
            <numerusform>&lt;b&gt;%Ln rows predicted&lt;/b&gt;&lt;br&gt;mean %1, min %2, max %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln rows predicted&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln row predicted&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln rows predicted&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Predict %1 when its probability ≥</source>
        <translation>Predict %1 when its probability ≥</translation>
    </message>
    <message>
        <source>Choose a saved model to evaluate.</source>
        <translation>Choose a saved model to evaluate.</translation>
    </message>
    <message>
        <source>Open labelled data (with the column &quot;%1&quot;) to evaluate the model on it.</source>
        <translation>Open labelled data (with the column &quot;%1&quot;) to evaluate the model on it.</translation>
    </message>
    <message>
        <source>The data has no column &quot;%1&quot; (the model&apos;s target): it cannot be evaluated on it.</source>
        <translation>The data has no column &quot;%1&quot; (the model&apos;s target): it cannot be evaluated on it.</translation>
    </message>
    <message>
        <source>Evaluate scores the model on the labelled rows and keeps the result in the model history.</source>
        <translation>Evaluate scores the model on the labelled rows and keeps the result in the model history.</translation>
    </message>
    <message>
        <source>Choose a model and open labelled data first.</source>
        <translation>Choose a model and open labelled data first.</translation>
    </message>
    <message>
        <source>The evaluation could not be kept in the model history: %1</source>
        <translation>The evaluation could not be kept in the model history: %1</translation>
    </message>
    <message numerus="yes">
        <source>Scored on %Ln labelled rows</source>
        <translation>
            <numerusform>Scored on %Ln labelled row</numerusform>
            <numerusform>Scored on %Ln labelled rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln skipped: target missing or a class the model does not know)</source>
        <translation>
            <numerusform> (%Ln skipped: target missing or a class the model does not know)</numerusform>
            <numerusform> (%Ln skipped: target missing or a class the model does not know)</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept in the history as evaluation #%1 of version #%2.</source>
        <translation>Kept in the history as evaluation #%1 of version #%2.</translation>
    </message>
    <message>
        <source>is above</source>
        <translation>is above</translation>
    </message>
    <message>
        <source>is below</source>
        <translation>is below</translation>
    </message>
    <message>
        <source>Lower is better for this metric</source>
        <translation>Lower is better for this metric</translation>
    </message>
    <message>
        <source>Higher is better for this metric</source>
        <translation>Higher is better for this metric</translation>
    </message>
    <message>
        <source>⚠  Alert: %1 = %2 is above the threshold %3 on this data.</source>
        <translation>⚠  Alert: %1 = %2 is above the threshold %3 on this data.</translation>
    </message>
    <message>
        <source>⚠  Alert: %1 = %2 is below the threshold %3 on this data.</source>
        <translation>⚠  Alert: %1 = %2 is below the threshold %3 on this data.</translation>
    </message>
    <message>
        <source>Choose a saved model to explain.</source>
        <translation>Choose a saved model to explain.</translation>
    </message>
    <message>
        <source>Permutation importance needs labelled data (with the column &quot;%1&quot;).</source>
        <translation>Permutation importance needs labelled data (with the column &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>Choose a saved model first.</source>
        <translation>Choose a saved model first.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Permutation importance&lt;/b&gt;: the drop in %1 when a feature&apos;s values are shuffled (%2 repeats on %Ln rows; %1 unshuffled: %3).</source>
        <translation>
            <numerusform>&lt;b&gt;Permutation importance&lt;/b&gt;: the drop in %1 when a feature&apos;s values are shuffled (%2 repeats on %Ln row; %1 unshuffled: %3).</numerusform>
            <numerusform>&lt;b&gt;Permutation importance&lt;/b&gt;: the drop in %1 when a feature&apos;s values are shuffled (%2 repeats on %Ln rows; %1 unshuffled: %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Total gain&lt;/b&gt; of each feature&apos;s splits, normalized to sum 1.</source>
        <translation>&lt;b&gt;Total gain&lt;/b&gt; of each feature&apos;s splits, normalized to sum 1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mean decrease in impurity&lt;/b&gt; of each feature&apos;s splits, normalized to sum 1.</source>
        <translation>&lt;b&gt;Mean decrease in impurity&lt;/b&gt; of each feature&apos;s splits, normalized to sum 1.</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>class %1</translation>
    </message>
    <message>
        <source>the predicted value</source>
        <translation>the predicted value</translation>
    </message>
    <message>
        <source>&lt;b&gt;SHAP values&lt;/b&gt;: select a row in the table to see how each feature moved its prediction.</source>
        <translation>&lt;b&gt;SHAP values&lt;/b&gt;: select a row in the table to see how each feature moved its prediction.</translation>
    </message>
    <message>
        <source>&lt;b&gt;SHAP values of row %1&lt;/b&gt; (%2 SHAP, %3 output): each feature&apos;s contribution, largest first.</source>
        <translation>&lt;b&gt;SHAP values of row %1&lt;/b&gt; (%2 SHAP, %3 output): each feature&apos;s contribution, largest first.</translation>
    </message>
    <message>
        <source>Base value %1 + contributions %2 = %3 (the model&apos;s %4)</source>
        <translation>Base value %1 + contributions %2 = %3 (the model&apos;s %4)</translation>
    </message>
    <message>
        <source>Listing the saved models…</source>
        <translation>Listing the saved models…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Loading the model…</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>Reading the data…</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Predicting…</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Evaluating…</translation>
    </message>
    <message>
        <source>Computing feature importance…</source>
        <translation>Computing feature importance…</translation>
    </message>
    <message>
        <source>Computing SHAP values…</source>
        <translation>Computing SHAP values…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>There are no predictions to export yet.</source>
        <translation>There are no predictions to export yet.</translation>
    </message>
    <message>
        <source>Export Predictions</source>
        <translation>Export Predictions</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PredictionModel</name>
    <message>
        <source>Wrong: the true class is %1</source>
        <translation>Wrong: the true class is %1</translation>
    </message>
    <message>
        <source>P(%1)</source>
        <translation>P(%1)</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>predicted</translation>
    </message>
    <message>
        <source>The model&apos;s probability of class %1</source>
        <translation>The model&apos;s probability of class %1</translation>
    </message>
    <message>
        <source>The model&apos;s prediction (wrong classes in red when the table has the target)</source>
        <translation>The model&apos;s prediction (wrong classes in red when the table has the target)</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationDistributionPlot</name>
    <message>
        <source>Column:</source>
        <translation>Column:</translation>
    </message>
    <message>
        <source>The column whose values are compared before and after the step</source>
        <translation>The column whose values are compared before and after the step</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>%1 before and after %2</source>
        <translation>%1 before and after %2</translation>
    </message>
    <message numerus="yes">
        <source>Before (%Ln rows)</source>
        <translation>
            <numerusform>Before (%Ln row)</numerusform>
            <numerusform>Before (%Ln rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After (%Ln rows)</source>
        <translation>
            <numerusform>After (%Ln row)</numerusform>
            <numerusform>After (%Ln rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(other)</translation>
    </message>
    <message>
        <source>Missing cells: %1 before, %2 after.</source>
        <translation>Missing cells: %1 before, %2 after.</translation>
    </message>
    <message>
        <source>The step added this column.</source>
        <translation>The step added this column.</translation>
    </message>
    <message>
        <source>The step dropped this column.</source>
        <translation>The step dropped this column.</translation>
    </message>
    <message>
        <source>No values to count.</source>
        <translation>No values to count.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationPanel</name>
    <message>
        <source>Previewing… %1%</source>
        <translation>Previewing… %1%</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Seeds the randomised steps (sampling, outlier forests, noise)</source>
        <translation>Seeds the randomised steps (sampling, outlier forests, noise)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Fit the steps on the open table again and show what each one does</source>
        <translation>Fit the steps on the open table again and show what each one does</translation>
    </message>
    <message>
        <source>Step settings</source>
        <translation>Step settings</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Apply to table</source>
        <translation>Apply to table</translation>
    </message>
    <message>
        <source>Show the prepared table in the Data view; column statistics and training use it</source>
        <translation>Show the prepared table in the Data view; column statistics and training use it</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>Revert to the file</translation>
    </message>
    <message>
        <source>Show the table as read from the file again</source>
        <translation>Show the table as read from the file again</translation>
    </message>
    <message>
        <source>Attach to training</source>
        <translation>Attach to training</translation>
    </message>
    <message>
        <source>Train with these steps: they are fitted inside validation on the training rows and saved with the model</source>
        <translation>Train with these steps: they are fitted inside validation on the training rows and saved with the model</translation>
    </message>
    <message>
        <source>Add a step with “Add step”, then set its parameters here.</source>
        <translation>Add a step with “Add step”, then set its parameters here.</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>%1 settings</translation>
    </message>
    <message>
        <source>Open a table to preview the steps on it.</source>
        <translation>Open a table to preview the steps on it.</translation>
    </message>
    <message>
        <source>Add a step to see what it does to the table.</source>
        <translation>Add a step to see what it does to the table.</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>Previewing…</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s): %1 rows, %2 missing cells.</source>
        <translation>
            <numerusform>%n step: %1 rows, %2 missing cells.</numerusform>
            <numerusform>%n steps: %1 rows, %2 missing cells.</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview failed: see the message below.</source>
        <translation>The preview failed: see the message below.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Not attached: %1</translation>
    </message>
    <message>
        <source>The Data view shows the prepared table.</source>
        <translation>The Data view shows the prepared table.</translation>
    </message>
    <message>
        <source>It holds resampled rows: validating on it scores copies and synthetic rows of the training rows. Attach resampling to training instead (it then runs inside each fold).</source>
        <translation>It holds resampled rows: validating on it scores copies and synthetic rows of the training rows. Attach resampling to training instead (it then runs inside each fold).</translation>
    </message>
    <message>
        <source>Training would run the attached steps on it again: detach them or revert to the file.</source>
        <translation>Training would run the attached steps on it again: detach them or revert to the file.</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationPreviewView</name>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Missing cells over every column, before → after</source>
        <translation>Missing cells over every column, before → after</translation>
    </message>
    <message>
        <source>Cells whose value the step changed</source>
        <translation>Cells whose value the step changed</translation>
    </message>
    <message>
        <source>Columns added (+) and dropped (−)</source>
        <translation>Columns added (+) and dropped (−)</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>all steps</source>
        <translation>all steps</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>All steps</translation>
    </message>
    <message>
        <source>Rows dropped</source>
        <translation>Rows dropped</translation>
    </message>
    <message>
        <source>Rows added</source>
        <translation>Rows added</translation>
    </message>
    <message>
        <source>Missing cells</source>
        <translation>Missing cells</translation>
    </message>
    <message>
        <source>Changed cells</source>
        <translation>Changed cells</translation>
    </message>
    <message>
        <source>Columns added</source>
        <translation>Columns added</translation>
    </message>
    <message>
        <source>Columns dropped</source>
        <translation>Columns dropped</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Epsilon spent</source>
        <translation>Epsilon spent</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::PreparationStepList</name>
    <message>
        <source>Add step</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Add a preparation step after the selected one</source>
        <translation>Add a preparation step after the selected one</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Remove the selected step</translation>
    </message>
    <message>
        <source>Move the selected step up (it runs earlier)</source>
        <translation>Move the selected step up (it runs earlier)</translation>
    </message>
    <message>
        <source>Move the selected step down (it runs later)</source>
        <translation>Move the selected step down (it runs later)</translation>
    </message>
    <message>
        <source>The steps run from top to bottom; untick a step to leave it out</source>
        <translation>The steps run from top to bottom; untick a step to leave it out</translation>
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
        <translation>Privacy budget</translation>
    </message>
    <message>
        <source>ε:</source>
        <translation>ε:</translation>
    </message>
    <message>
        <source>The total epsilon the pipeline&apos;s differentially private releases may spend; a pipeline asking for more is refused before any noise is drawn</source>
        <translation>The total epsilon the pipeline&apos;s differentially private releases may spend; a pipeline asking for more is refused before any noise is drawn</translation>
    </message>
    <message>
        <source>δ:</source>
        <translation>δ:</translation>
    </message>
    <message>
        <source>The total delta (0 for pure epsilon-DP, else below 1, e.g. 1e-5)</source>
        <translation>The total delta (0 for pure epsilon-DP, else below 1, e.g. 1e-5)</translation>
    </message>
    <message>
        <source>Protection steps</source>
        <translation>Protection steps</translation>
    </message>
    <message>
        <source>Step / detail</source>
        <translation>Step / detail</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Privacy ledger</source>
        <translation>Privacy ledger</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
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
        <translation>δ must be a number from 0 up to (not including) 1, e.g. 1e-5.</translation>
    </message>
    <message>
        <source>%p% of ε spent</source>
        <translation>%p% of ε spent</translation>
    </message>
    <message>
        <source>ε spent: %1 of %2 · δ spent: %3 of %4</source>
        <translation>ε spent: %1 of %2 · δ spent: %3 of %4</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <translation> (target %1)</translation>
    </message>
    <message>
        <source>; %1 before the step</source>
        <translation>; %1 before the step</translation>
    </message>
    <message>
        <source>; rows at risk: %1</source>
        <translation>; rows at risk: %1</translation>
    </message>
    <message>
        <source>No protection step in the pipeline. Add roles, pseudonymize, generalize, k-anonymity or dp-noise to protect the data before training.</source>
        <translation>No protection step in the pipeline. Add roles, pseudonymize, generalize, k-anonymity or dp-noise to protect the data before training.</translation>
    </message>
    <message numerus="yes">
        <source>%n differentially private release(s).</source>
        <translation>
            <numerusform>%n differentially private release.</numerusform>
            <numerusform>%n differentially private releases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RocPlot</name>
    <message>
        <source>Threshold: above every score (nothing predicted positive)</source>
        <translation>Threshold: above every score (nothing predicted positive)</translation>
    </message>
    <message>
        <source>Threshold: score ≥ %1</source>
        <translation>Threshold: score ≥ %1</translation>
    </message>
    <message>
        <source>An average of curves: no threshold</source>
        <translation>An average of curves: no threshold</translation>
    </message>
    <message>
        <source>False positive rate %1, true positive rate %2</source>
        <translation>False positive rate %1, true positive rate %2</translation>
    </message>
    <message>
        <source>predicted +</source>
        <translation>predicted +</translation>
    </message>
    <message>
        <source>predicted −</source>
        <translation>predicted −</translation>
    </message>
    <message>
        <source>actual +</source>
        <translation>actual +</translation>
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
        <translation>actual −</translation>
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
        <translation>AUC n/a</translation>
    </message>
    <message>
        <source>AUC %1</source>
        <translation>AUC %1</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC curve</translation>
    </message>
    <message>
        <source>ROC curve — positive class: %1</source>
        <translation>ROC curve — positive class: %1</translation>
    </message>
    <message>
        <source>ROC curve — %1 against the rest</source>
        <translation>ROC curve — %1 against the rest</translation>
    </message>
    <message>
        <source>ROC curves — each class against the rest</source>
        <translation>ROC curves — each class against the rest</translation>
    </message>
    <message>
        <source>ROC curve — micro average over the classes</source>
        <translation>ROC curve — micro average over the classes</translation>
    </message>
    <message>
        <source>ROC curve — macro average over the classes</source>
        <translation>ROC curve — macro average over the classes</translation>
    </message>
    <message>
        <source>%1: %2 of %3 points</source>
        <translation>%1: %2 of %3 points</translation>
    </message>
    <message>
        <source>No curves to show</source>
        <translation>No curves to show</translation>
    </message>
    <message>
        <source>Long curves drawn from a subset of their points (%1); AUC from every point</source>
        <translation>Long curves drawn from a subset of their points (%1); AUC from every point</translation>
    </message>
    <message numerus="yes">
        <source>%n long curve(s) drawn from at most about %1 of their points each; AUC from every point</source>
        <translation>
            <numerusform>%n long curve drawn from at most about %1 of its points; AUC from every point</numerusform>
            <numerusform>%n long curves drawn from at most about %1 of their points each; AUC from every point</numerusform>
        </translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>False positive rate</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>True positive rate</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RunDetails</name>
    <message>
        <source>No run selected</source>
        <translation>No run selected</translation>
    </message>
    <message>
        <source>Train a model, or select a run in the table above, to see its results here.</source>
        <translation>Train a model, or select a run in the table above, to see its results here.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>not saved: %1</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>not saved</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Dataset:</translation>
    </message>
    <message>
        <source>Rows scored:</source>
        <translation>Rows scored:</translation>
    </message>
    <message>
        <source>Fitted in:</source>
        <translation>Fitted in:</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>Validation:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameters:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>Not defined for these predictions</source>
        <translation>Not defined for these predictions</translation>
    </message>
    <message>
        <source>rows scored</source>
        <translation>rows scored</translation>
    </message>
    <message>
        <source>mean prediction</source>
        <translation>mean prediction</translation>
    </message>
    <message>
        <source>std of predictions</source>
        <translation>std of predictions</translation>
    </message>
    <message>
        <source>lowest prediction</source>
        <translation>lowest prediction</translation>
    </message>
    <message>
        <source>highest prediction</source>
        <translation>highest prediction</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Fit summary</source>
        <translation>Fit summary</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Per class</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Predictions</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Confusion matrix</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistic</translation>
    </message>
    <message>
        <source>Preparation:</source>
        <translation>Preparation:</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RunsModel</name>
    <message>
        <source>%1-fold CV</source>
        <translation>%1-fold CV</translation>
    </message>
    <message>
        <source>holdout %1%</source>
        <translation>holdout %1%</translation>
    </message>
    <message>
        <source>training rows</source>
        <translation>training rows</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>not saved</translation>
    </message>
    <message>
        <source>not saved (error)</source>
        <translation>not saved (error)</translation>
    </message>
    <message>
        <source>Not measured for this task</source>
        <translation>Not measured for this task</translation>
    </message>
    <message>
        <source>Not defined for these predictions</source>
        <translation>Not defined for these predictions</translation>
    </message>
    <message>
        <source>Saving to the model history was turned off for this run</source>
        <translation>Saving to the model history was turned off for this run</translation>
    </message>
    <message>
        <source>Seconds spent fitting the model that was kept</source>
        <translation>Seconds spent fitting the model that was kept</translation>
    </message>
    <message>
        <source>%1 (on the validation rows)</source>
        <translation>%1 (on the validation rows)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Learner</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Train s</source>
        <translation>Train s</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::RunsView</name>
    <message numerus="yes">
        <source>Comparing %n run(s) (best in bold)</source>
        <translation>
            <numerusform>Comparing %n run (best in bold)</numerusform>
            <numerusform>Comparing %n runs (best in bold)</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>&amp;Remove from List</translation>
    </message>
    <message>
        <source>Remove the selected runs from this session&apos;s list (the model history keeps them)</source>
        <translation>Remove the selected runs from this session&apos;s list (the model history keeps them)</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapBarPlot</name>
    <message>
        <source>No SHAP values to show</source>
        <translation>No SHAP values to show</translation>
    </message>
    <message numerus="yes">
        <source>%n other feature(s)</source>
        <translation>
            <numerusform>%n other feature</numerusform>
            <numerusform>%n other features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean over %n row(s)</source>
        <translation>
            <numerusform>mean over %n row</numerusform>
            <numerusform>mean over %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Features:</translation>
    </message>
    <message>
        <source>How many features to show; the rest are summed</source>
        <translation>How many features to show; the rest are summed</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapDependencePlot</name>
    <message>
        <source>%1
SHAP value: %2
row %3</source>
        <translation>%1
SHAP value: %2
row %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>No SHAP values to show</source>
        <translation>No SHAP values to show</translation>
    </message>
    <message>
        <source>SHAP value for %1</source>
        <translation>SHAP value for %1</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>showing a sample of %1 of %2 rows</source>
        <translation>showing a sample of %1 of %2 rows</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a missing value not shown</source>
        <translation>
            <numerusform>%n row with a missing value not shown</numerusform>
            <numerusform>%n rows with a missing value not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Feature:</source>
        <translation>Feature:</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Colour by:</translation>
    </message>
    <message>
        <source>The feature whose SHAP values are drawn against its values</source>
        <translation>The feature whose SHAP values are drawn against its values</translation>
    </message>
    <message>
        <source>The feature that colours the dots</source>
        <translation>The feature that colours the dots</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapPlotBase</name>
    <message>
        <source>Output %1</source>
        <translation>Output %1</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>The class whose output the SHAP values explain</source>
        <translation>The class whose output the SHAP values explain</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>feature %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>log-odds</source>
        <translation>log-odds</translation>
    </message>
    <message>
        <source>log-odds of %1</source>
        <translation>log-odds of %1</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>probability</translation>
    </message>
    <message>
        <source>probability of %1</source>
        <translation>probability of %1</translation>
    </message>
    <message>
        <source>mean |SHAP value|</source>
        <translation>mean |SHAP value|</translation>
    </message>
    <message>
        <source>SHAP value</source>
        <translation>SHAP value</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapSummaryPlot</name>
    <message>
        <source>%1
SHAP value: %2
row %3</source>
        <translation>%1
SHAP value: %2
row %3</translation>
    </message>
    <message>
        <source>No SHAP values to show</source>
        <translation>No SHAP values to show</translation>
    </message>
    <message>
        <source>showing a sample of %1 of %2 rows</source>
        <translation>showing a sample of %1 of %2 rows</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>top %1 of %2 features by mean |SHAP|</source>
        <translation>top %1 of %2 features by mean |SHAP|</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Features:</translation>
    </message>
    <message>
        <source>How many features to show, by mean |SHAP|</source>
        <translation>How many features to show, by mean |SHAP|</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Feature value</source>
        <translation>Feature value</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::ShapWaterfallPlot</name>
    <message>
        <source>No SHAP values to show</source>
        <translation>No SHAP values to show</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> of %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other feature(s)</source>
        <translation>
            <numerusform>%n other feature</numerusform>
            <numerusform>%n other features</numerusform>
        </translation>
    </message>
    <message>
        <source>model output</source>
        <translation>model output</translation>
    </message>
    <message>
        <source>Model output</source>
        <translation>Model output</translation>
    </message>
    <message>
        <source>Model output (%1)</source>
        <translation>Model output (%1)</translation>
    </message>
    <message>
        <source>Data row %1</source>
        <translation>Data row %1</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Row:</translation>
    </message>
    <message>
        <source>The explained row shown</source>
        <translation>The explained row shown</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TrainingPanel</name>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>regression</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>estimating time left…</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>about %1 min %2 s left</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>about %1 h %2 min left</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <source>The column the model learns to predict</source>
        <translation>The column the model learns to predict</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Automatic: classification for categories, yes/no and whole numbers with at most 10 values; regression for other numbers</source>
        <translation>Automatic: classification for categories, yes/no and whole numbers with at most 10 values; regression for other numbers</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Features:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Tick every usable column</source>
        <translation>Tick every usable column</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Untick every column</source>
        <translation>Untick every column</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Learner</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Holdout</source>
        <translation>Holdout</translation>
    </message>
    <message>
        <source>Train on the other rows and score on this share of the rows</source>
        <translation>Train on the other rows and score on this share of the rows</translation>
    </message>
    <message>
        <source>Share of the rows held out for scoring</source>
        <translation>Share of the rows held out for scoring</translation>
    </message>
    <message>
        <source>Cross-validation, folds:</source>
        <translation>Cross-validation, folds:</translation>
    </message>
    <message>
        <source>Score K models each on the rows it was not trained on, then train the kept model on every row</source>
        <translation>Score K models each on the rows it was not trained on, then train the kept model on every row</translation>
    </message>
    <message>
        <source>None (score on the training rows)</source>
        <translation>None (score on the training rows)</translation>
    </message>
    <message>
        <source>Scores on the rows the model was fitted on are optimistic</source>
        <translation>Scores on the rows the model was fitted on are optimistic</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <source>Stratified</source>
        <translation>Stratified</translation>
    </message>
    <message>
        <source>By row order</source>
        <translation>By row order</translation>
    </message>
    <message>
        <source>Stratified: the rows are shuffled by the seed, keeping the class shares in every part. By row order: row i goes to fold i mod K (holdout: the last rows are held out).</source>
        <translation>Stratified: the rows are shuffled by the seed, keeping the class shares in every part. By row order: row i goes to fold i mod K (holdout: the last rows are held out).</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>The same seed gives the same splits and the same model</source>
        <translation>The same seed gives the same splits and the same model</translation>
    </message>
    <message>
        <source>Save to model history</source>
        <translation>Save to model history</translation>
    </message>
    <message>
        <source>Version name (optional)</source>
        <translation>Version name (optional)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Queue a training with these settings (Ctrl+Return)</source>
        <translation>Queue a training with these settings (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Tune…</source>
        <translation>Tune…</translation>
    </message>
    <message>
        <source>Search parameter values of this learner by cross-validation</source>
        <translation>Search parameter values of this learner by cross-validation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop the running job; it leaves no result</source>
        <translation>Stop the running job; it leaves no result</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Cancel all</translation>
    </message>
    <message>
        <source>Stop the running job and drop every queued one</source>
        <translation>Stop the running job and drop every queued one</translation>
    </message>
    <message>
        <source>No training running</source>
        <translation>No training running</translation>
    </message>
    <message>
        <source>Text columns cannot be features: almost every value is different. Change the column&apos;s type to categorical to use it.</source>
        <translation>Text columns cannot be features: almost every value is different. Change the column&apos;s type to categorical to use it.</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatic (%1)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Open a table and choose the target column.</source>
        <translation>Open a table and choose the target column.</translation>
    </message>
    <message>
        <source>%1, chosen by you</source>
        <translation>%1, chosen by you</translation>
    </message>
    <message>
        <source>%1, inferred from the target column</source>
        <translation>%1, inferred from the target column</translation>
    </message>
    <message>
        <source>Not for %1.</source>
        <translation>Not for %1.</translation>
    </message>
    <message>
        <source>Open a table first.</source>
        <translation>Open a table first.</translation>
    </message>
    <message>
        <source>Choose the target column.</source>
        <translation>Choose the target column.</translation>
    </message>
    <message>
        <source>%1 cannot do %2.</source>
        <translation>%1 cannot do %2.</translation>
    </message>
    <message>
        <source>Tick at least one feature.</source>
        <translation>Tick at least one feature.</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>Queued: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) queued</source>
        <translation>
            <numerusform>%n job queued</numerusform>
            <numerusform>%n jobs queued</numerusform>
        </translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Detach</translation>
    </message>
    <message>
        <source>Train without the preparation steps</source>
        <translation>Train without the preparation steps</translation>
    </message>
    <message numerus="yes">
        <source>Preparation: %n step(s) (%1)</source>
        <translation>
            <numerusform>Preparation: %n step (%1)</numerusform>
            <numerusform>Preparation: %n steps (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TrainingQueue</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>tuning %1 on %2</source>
        <translation>tuning %1 on %2</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TreeExplorer</name>
    <message>
        <source>Decision tree</source>
        <translation>Decision tree</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit the whole tree in the window (Ctrl+0)</source>
        <translation>Fit the whole tree in the window (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Expand All</translation>
    </message>
    <message>
        <source>Unfold every node and lift the depth limit</source>
        <translation>Unfold every node and lift the depth limit</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the whole tree as a PNG, SVG or PDF file</source>
        <translation>Save the whole tree as a PNG, SVG or PDF file</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy a picture of the whole tree</source>
        <translation>Copy a picture of the whole tree</translation>
    </message>
    <message>
        <source>Which tree of the model to show</source>
        <translation>Which tree of the model to show</translation>
    </message>
    <message>
        <source>Tree:</source>
        <translation>Tree:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Fold nodes deeper than this into &quot;+N more&quot;</source>
        <translation>Fold nodes deeper than this into &quot;+N more&quot;</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Depth:</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> of %1</translation>
    </message>
    <message>
        <source>This model has no trees.</source>
        <translation>This model has no trees.</translation>
    </message>
    <message>
        <source>log-odds</source>
        <translation>log-odds</translation>
    </message>
    <message>
        <source>adds</source>
        <translation>adds</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>mse</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>entropy</translation>
    </message>
    <message>
        <source>gini</source>
        <translation>gini</translation>
    </message>
    <message>
        <source>%1 nodes · %2 leaves · depth %3</source>
        <translation>%1 nodes · %2 leaves · depth %3</translation>
    </message>
    <message>
        <source>leaf values add to the log-odds of “%1”</source>
        <translation>leaf values add to the log-odds of “%1”</translation>
    </message>
    <message>
        <source>leaf values add to the prediction</source>
        <translation>leaf values add to the prediction</translation>
    </message>
    <message>
        <source>There is no tree to export.</source>
        <translation>There is no tree to export.</translation>
    </message>
    <message>
        <source>Cannot export to %1: use a .png, .svg or .pdf file name.</source>
        <translation>Cannot export to %1: use a .png, .svg or .pdf file name.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
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
        <translation>Export Tree</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TreeNodeItem</name>
    <message>
        <source>samples %1</source>
        <translation>samples %1</translation>
    </message>
    <message>
        <source>samples %1 · %2 %3</source>
        <translation>samples %1 · %2 %3</translation>
    </message>
    <message>
        <source>missing → left</source>
        <translation>missing → left</translation>
    </message>
    <message>
        <source>missing → right</source>
        <translation>missing → right</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1: %2%</translation>
    </message>
    <message>
        <source>mean %1 ± %2</source>
        <translation>mean %1 ± %2</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>mean %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>probability %1</source>
        <translation>probability %1</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>value %1</translation>
    </message>
    <message>
        <source>spread ± %1</source>
        <translation>spread ± %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Node %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Node %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Missing values go left</source>
        <translation>Missing values go left</translation>
    </message>
    <message>
        <source>Missing values go right</source>
        <translation>Missing values go right</translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation>Leaf</translation>
    </message>
    <message>
        <source>Samples: %1</source>
        <translation>Samples: %1</translation>
    </message>
    <message>
        <source>Impurity (%1): %2</source>
        <translation>Impurity (%1): %2</translation>
    </message>
    <message>
        <source>Mean: %1</source>
        <translation>Mean: %1</translation>
    </message>
    <message>
        <source>Standard deviation: %1</source>
        <translation>Standard deviation: %1</translation>
    </message>
    <message>
        <source>Adds %1 to the %2</source>
        <translation>Adds %1 to the %2</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) folded below</source>
        <translation>
            <numerusform>%n node folded below</numerusform>
            <numerusform>%n nodes folded below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TuningDialog</name>
    <message>
        <source>Choose a learner with parameters in the training panel.</source>
        <translation>Choose a learner with parameters in the training panel.</translation>
    </message>
    <message>
        <source>%1: a range (LO:HI) needs random search</source>
        <translation>%1: a range (LO:HI) needs random search</translation>
    </message>
    <message>
        <source>Tick at least one parameter to search.</source>
        <translation>Tick at least one parameter to search.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s), each cross-validated on %1 folds</source>
        <translation>
            <numerusform>%n candidate, each cross-validated on %1 folds</numerusform>
            <numerusform>%n candidates, each cross-validated on %1 folds</numerusform>
        </translation>
    </message>
    <message>
        <source>Tuning queued…</source>
        <translation>Tuning queued…</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>mean %1</translation>
    </message>
    <message>
        <source>std</source>
        <translation>std</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>Best candidate</source>
        <translation>Best candidate</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation>No candidates.</translation>
    </message>
    <message>
        <source>Best mean %1: %2 ± %3 (lower is better)</source>
        <translation>Best mean %1: %2 ± %3 (lower is better)</translation>
    </message>
    <message>
        <source>Best mean %1: %2 ± %3 (higher is better)</source>
        <translation>Best mean %1: %2 ± %3 (higher is better)</translation>
    </message>
    <message>
        <source>Tune %1</source>
        <translation>Tune %1</translation>
    </message>
    <message>
        <source>Learner %1, target %2 (%3); parameters not ticked keep the training panel&apos;s values.</source>
        <translation>Learner %1, target %2 (%3); parameters not ticked keep the training panel&apos;s values.</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>regression</translation>
    </message>
    <message>
        <source>Parameters to search</source>
        <translation>Parameters to search</translation>
    </message>
    <message>
        <source>Values separated by commas (layer lists by semicolons: 32;64,64). LO:HI is a range, for random search.</source>
        <translation>Values separated by commas (layer lists by semicolons: 32;64,64). LO:HI is a range, for random search.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Every combination (grid)</source>
        <translation>Every combination (grid)</translation>
    </message>
    <message>
        <source>Random, candidates:</source>
        <translation>Random, candidates:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metric:</translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation>Folds:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Queue the search; it runs after the jobs before it</source>
        <translation>Queue the search; it runs after the jobs before it</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Keep the best</source>
        <translation>Keep the best</translation>
    </message>
    <message>
        <source>Train the best candidate&apos;s parameters as a normal run, validated on the same folds, and save it to the model history</source>
        <translation>Train the best candidate&apos;s parameters as a normal run, validated on the same folds, and save it to the model history</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::TuningHeatmap</name>
    <message>
        <source>No searched parameters to show</source>
        <translation>No searched parameters to show</translation>
    </message>
    <message>
        <source>%1 (lower is better)</source>
        <translation>%1 (lower is better)</translation>
    </message>
    <message>
        <source>mean %1 over the folds; best outlined</source>
        <translation>mean %1 over the folds; best outlined</translation>
    </message>
    <message>
        <source>each cell: the best over %1</source>
        <translation>each cell: the best over %1</translation>
    </message>
    <message>
        <source>values grouped into ranges</source>
        <translation>values grouped into ranges</translation>
    </message>
    <message>
        <source>%1: %2 ± %3</source>
        <translation>%1: %2 ± %3</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Rows:</translation>
    </message>
    <message>
        <source>The searched parameter along the columns</source>
        <translation>The searched parameter along the columns</translation>
    </message>
    <message>
        <source>The searched parameter along the rows</source>
        <translation>The searched parameter along the rows</translation>
    </message>
</context>
<context>
    <name>glassbox::gui::VersionCompareView</name>
    <message>
        <source>Select two versions in the table and choose Compare (Ctrl+D) to see them side by side.</source>
        <translation>Select two versions in the table and choose Compare (Ctrl+D) to see them side by side.</translation>
    </message>
    <message>
        <source>same learner</source>
        <translation>same learner</translation>
    </message>
    <message>
        <source>different learners</source>
        <translation>different learners</translation>
    </message>
    <message>
        <source>same target</source>
        <translation>same target</translation>
    </message>
    <message>
        <source>different targets</source>
        <translation>different targets</translation>
    </message>
    <message>
        <source>same dataset</source>
        <translation>same dataset</translation>
    </message>
    <message>
        <source>different datasets</source>
        <translation>different datasets</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B is better</translation>
    </message>
    <message>
        <source>B is worse</source>
        <translation>B is worse</translation>
    </message>
    <message>
        <source>Parameters (differences highlighted)</source>
        <translation>Parameters (differences highlighted)</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
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
        <translation>Metric</translation>
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
        <translation>version %1 of %2, imported %3</translation>
    </message>
    <message>
        <source>No version selected.</source>
        <translation>No version selected.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Version %1 “%2”</source>
        <translation>Version %1 “%2”</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Learner</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>regression</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Glassbox</source>
        <translation>Glassbox</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Model SHA-256: %1</source>
        <translation>Model SHA-256: %1</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 rows × %2 columns</translation>
    </message>
    <message>
        <source>No parent: trained from scratch.</source>
        <translation>No parent: trained from scratch.</translation>
    </message>
    <message>
        <source>this version</source>
        <translation>this version</translation>
    </message>
    <message>
        <source>(a deleted version)</source>
        <translation>(a deleted version)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Dataset fingerprint</source>
        <translation>Dataset fingerprint</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Lineage</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Stage, tags and notes</source>
        <translation>Stage, tags and notes</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>New tag</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>Save notes</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Preparation</translation>
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

#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <QStringList>
#include <QTransform>
#include <vector>

namespace glassbox {
struct FlatTree;
}

namespace glassbox::gui {

// What a tree node's value means: class fractions (classification trees and forests), the mean
// target of its rows (regression trees and forests), or an amount added to the model's score
// (boosting: log-odds for classification, the prediction for regression).
enum class TreeValueKind { Classes, Mean, Additive };

// What every item of one drawn tree shares: the tree, names, colours and sizes.
struct TreeDrawing {
    const FlatTree* tree = nullptr;
    TreeValueKind kind = TreeValueKind::Classes;
    QStringList features;
    std::vector<QStringList> levels;  // per feature; empty for numeric features
    QStringList classes;
    std::vector<QColor> classColors;
    QString impurityName;  // "gini", "entropy", "squared error"; empty when not meaningful
    bool impurityIsVariance = false;  // regression: impurity is the variance, so sqrt = spread
    QString additiveName;  // Additive: what leaf values add to ("log-odds", "prediction")
    QColor positiveColor, negativeColor;  // Additive: colours of positive / negative values
    double valueLow = 0, valueHigh = 1;   // Mean / Additive: range over the tree's nodes

    QFont font, boldFont, smallFont;
    double width = 200, height = 90, lineHeight = 16, padding = 6, barHeight = 10;
    double toggleRadius = 7, stubHeight = 18;

    // Sizes that fit `base` (the view's font).
    void measure(const QFont& base);
    // Mean / Additive: the fill for value v.
    QColor valueColor(double v) const;
    // Index of the node's largest class fraction (Classes), else -1.
    int majorityClass(int node) const;
};

// The scale text would be drawn at under transform `t`; 0 when the axes are scaled differently
// (a vertically stretched overview draws no text).
double textScale(const QTransform& t);

// Short readable numbers: "0.8", "2.45", "12346", "1.2346e+06".
QString formatTreeNumber(double v);

// The colour of a highlighted decision path.
QColor treePathColor();

}  // namespace glassbox::gui

// ROC, precision-recall, average precision and calibration curves, and the scores added for
// evaluation (mcc, kappa, brier, per-class, mape, scores at a threshold), against cases with
// ties worked out by hand and against scikit-learn 1.2.1 on larger cases.
#include <QtTest>

#include <cmath>
#include <limits>

#include "engine/curves.h"
#include "engine/errors.h"
#include "engine/metrics.h"
#include "engine/random.h"

using namespace glassbox;

namespace {

using Doubles = std::vector<double>;
using Flags = std::vector<std::uint8_t>;
constexpr double kTolerance = 1e-9;
constexpr double kInf = std::numeric_limits<double>::infinity();

// "" when equal to 1e-9 (relative above 1), else what differs. NaN equals NaN.
QString differs(const Doubles& actual, const Doubles& expected) {
    if (actual.size() != expected.size())
        return QString("size %1, expected %2").arg(actual.size()).arg(expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const double a = actual[i], e = expected[i];
        if (std::isnan(a) && std::isnan(e)) continue;
        if (std::isinf(a) || std::isinf(e)) {
            if (a == e) continue;
        } else if (std::fabs(a - e) <= kTolerance * std::max(1.0, std::fabs(e))) {
            continue;
        }
        return QString("[%1] = %2, expected %3").arg(i).arg(a, 0, 'g', 17).arg(e, 0, 'g', 17);
    }
    return {};
}

#define COMPARE_DOUBLES(actual, expected)                        \
    do {                                                         \
        const QString why = differs((actual), (expected));       \
        QVERIFY2(why.isEmpty(), qPrintable(#actual ": " + why)); \
    } while (false)

#define COMPARE_NEAR(actual, expected) COMPARE_DOUBLES(Doubles{(actual)}, Doubles{(expected)})

Flags flagsOf(const std::vector<std::int32_t>& truth, std::int32_t positive) {
    Flags out;
    for (std::int32_t t : truth) out.push_back(t == positive);
    return out;
}

// A binary model's output: p_0 = 1 - score, p_1 = score.
Predictions binaryPredictions(const Doubles& score) {
    Predictions p;
    p.rows = score.size();
    p.classCount = 2;
    for (double s : score) {
        p.probabilities.push_back(1 - s);
        p.probabilities.push_back(s);
    }
    return p;
}

Predictions multiclassPredictions(const Doubles& rowMajor, std::size_t classes) {
    Predictions p;
    p.rows = rowMajor.size() / classes;
    p.classCount = classes;
    p.probabilities = rowMajor;
    return p;
}

Doubles prepend(double first, const Doubles& rest) {
    Doubles out{first};
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

// ---- Reference values from scikit-learn 1.2.1 / numpy 1.24.2 (/usr/bin/python3), printed by
// the script below with repr() and pasted in unchanged. roc_curve's thresholds are pasted
// without their first entry (1.2 puts max score + 1 there; Glassbox, like scikit-learn >= 1.3,
// puts +inf). Counts are numpy.bincount(numpy.searchsorted(bins[1:-1], p)).
/*
import numpy as np
from sklearn.metrics import (roc_curve, roc_auc_score, precision_recall_curve,
    average_precision_score, matthews_corrcoef, cohen_kappa_score, brier_score_loss,
    precision_recall_fscore_support, mean_absolute_percentage_error)
from sklearn.calibration import calibration_curve
from sklearn.preprocessing import label_binarize

def arr(name, a):
    print("const std::vector<double> %s = {%s};" % (name, ", ".join(repr(float(x)) for x in a)))

def iarr(name, a):
    print("const std::vector<std::int32_t> %s = {%s};" % (name, ", ".join(str(int(x)) for x in a)))

def counts(p, n_bins, strategy):
    if strategy == "quantile":
        bins = np.percentile(p, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        bins = np.linspace(0.0, 1.0, n_bins + 1)
    return bins, np.bincount(np.searchsorted(bins[1:-1], p), minlength=n_bins)

rs = np.random.RandomState(7)
y = rs.randint(0, 2, 40)
p1 = np.round(np.clip(0.3 * y + rs.rand(40) * 0.7, 0, 1), 1)
print("// binary"); iarr("kBinaryTruth", y); arr("kBinaryScore", p1)
f, t, th = roc_curve(y, p1); arr("kBinaryFpr", f); arr("kBinaryTpr", t); arr("kBinaryThresholds",
th[1:]) print("const double kBinaryAuc = %r;" % roc_auc_score(y, p1)) pr, rc, th =
precision_recall_curve(y, p1); arr("kBinaryPrecision", pr); arr("kBinaryRecall", rc);
arr("kBinaryPrThresholds", th) print("const double kBinaryAp = %r;" % average_precision_score(y,
p1)) for s, nb in (("uniform", 5), ("quantile", 4)): pt, pp = calibration_curve(y, p1, n_bins=nb,
strategy=s) e, c = counts(p1, nb, s) arr("kBinary_%s_true" % s, pt); arr("kBinary_%s_pred" % s, pp);
arr("kBinary_%s_edges" % s, e); arr("kBinary_%s_counts" % s, c) yp = np.argmax(np.c_[1 - p1, p1],
axis=1) print("const double kBinaryMcc = %r, kBinaryKappa = %r, kBinaryBrier = %r;" %
(matthews_corrcoef(y, yp), cohen_kappa_score(y, yp), brier_score_loss(y, p1))) yt = (p1 >=
0.35).astype(int) P, R, F, S = precision_recall_fscore_support(y, yt, zero_division=0) print("// at
threshold 0.35: precision, recall, f1 of class 1, mcc, kappa") print("const double kAt035[] = {%r,
%r, %r, %r, %r};" % (P[1], R[1], F[1], matthews_corrcoef(y, yt), cohen_kappa_score(y, yt)))

rs = np.random.RandomState(11)
n, k = 30, 3
ym = rs.randint(0, k, n)
raw = rs.dirichlet(np.ones(k), n) + 0.6 * label_binarize(ym, classes=range(k))
q = raw / raw.sum(axis=1, keepdims=True)
pm = np.zeros_like(q)
pm[:, 0] = np.round(q[:, 0], 1)
pm[:, 1] = np.minimum(np.round(q[:, 1], 1), np.floor((1 - pm[:, 0]) * 10 + 1e-9) / 10)
pm[:, 2] = 1 - pm[:, 0] - pm[:, 1]
print("// multiclass, row-major probabilities"); iarr("kMultiTruth", ym); arr("kMultiProba",
pm.ravel()) Y = label_binarize(ym, classes=range(k)) fprs, tprs = [], [] for c in range(k): f, t, th
= roc_curve(Y[:, c], pm[:, c]); fprs.append(f); tprs.append(t) arr("kMultiFpr%d" % c, f);
arr("kMultiTpr%d" % c, t); arr("kMultiThresholds%d" % c, th[1:]) print("const double kMultiAuc%d =
%r, kMultiAp%d = %r;" % (c, roc_auc_score(Y[:, c], pm[:, c]), c, average_precision_score(Y[:, c],
pm[:, c]))) print("const double kMultiMacroAuc = %r;" % roc_auc_score(ym, pm, multi_class="ovr",
average="macro")) print("const double kMultiMicroAuc = %r;" % roc_auc_score(Y, pm, average="micro"))
f, t, th = roc_curve(Y.ravel(), pm.ravel()); arr("kMicroFpr", f); arr("kMicroTpr", t);
arr("kMicroThresholds", th[1:]) all_fpr = np.unique(np.concatenate(fprs)); mean_tpr =
np.zeros_like(all_fpr) for c in range(k): mean_tpr += np.interp(all_fpr, fprs[c], tprs[c]) mean_tpr
/= k arr("kMacroFpr", all_fpr); arr("kMacroTpr", mean_tpr) ypm = np.argmax(pm, axis=1) P, R, F, S =
precision_recall_fscore_support(ym, ypm, zero_division=0) arr("kMultiClassPrecision", P);
arr("kMultiClassRecall", R); arr("kMultiClassF1", F); arr("kMultiClassSupport", S) print("const
double kMultiMcc = %r, kMultiKappa = %r, kMultiBrier = %r;" % (matthews_corrcoef(ym, ypm),
cohen_kappa_score(ym, ypm), np.mean(np.sum((pm - Y) ** 2, axis=1)))) yr = np.array([3.0,
-0.5, 2.0, 7.0, 0.0, 1.5]); pr_ = np.array([2.5, 0.0, 2.0, 8.0, 0.25, 1.0]) arr("kRegTruth", yr);
arr("kRegPred", pr_) print("const double kRegMape = %r;" % mean_absolute_percentage_error(yr, pr_))
*/
// binary
const std::vector<std::int32_t> kBinaryTruth = {1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1,
                                                0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1,
                                                0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0};
const Doubles kBinaryScore = {0.7, 0.7, 0.5, 0.4, 0.9, 0.4, 0.7, 0.8, 0.5, 0.6, 0.1, 0.6, 0.3, 0.6,
                              0.3, 0.6, 0.5, 0.2, 0.7, 0.2, 0.3, 0.2, 0.8, 0.6, 0.3, 0.5, 0.6, 0.9,
                              0.1, 0.5, 0.6, 0.3, 0.4, 0.7, 0.6, 0.0, 0.1, 0.8, 0.7, 0.5};
const Doubles kBinaryFpr = {0.0,
                            0.0,
                            0.0,
                            0.047619047619047616,
                            0.09523809523809523,
                            0.3333333333333333,
                            0.42857142857142855,
                            0.6666666666666666,
                            0.9523809523809523,
                            1.0};
const Doubles kBinaryTpr = {0.0,
                            0.10526315789473684,
                            0.2631578947368421,
                            0.5263157894736842,
                            0.8947368421052632,
                            0.9473684210526315,
                            1.0,
                            1.0,
                            1.0,
                            1.0};
const Doubles kBinaryThresholds = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.1, 0.0};
const double kBinaryAuc = 0.9360902255639096;
const Doubles kBinaryPrecision = {0.475,
                                  0.48717948717948717,
                                  0.5277777777777778,
                                  0.5757575757575758,
                                  0.6785714285714286,
                                  0.72,
                                  0.8947368421052632,
                                  0.9090909090909091,
                                  1.0,
                                  1.0,
                                  1.0};
const Doubles kBinaryRecall = {1.0,
                               1.0,
                               1.0,
                               1.0,
                               1.0,
                               0.9473684210526315,
                               0.8947368421052632,
                               0.5263157894736842,
                               0.2631578947368421,
                               0.10526315789473684,
                               0.0};
const Doubles kBinaryPrThresholds = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
const double kBinaryAp = 0.9056412562506745;
const Doubles kBinary_uniform_true = {0.0, 0.125, 0.5714285714285714, 0.8888888888888888, 1.0};
const Doubles kBinary_uniform_pred = {0.12857142857142856, 0.33749999999999997, 0.557142857142857,
                                      0.7333333333333333, 0.9};
const Doubles kBinary_uniform_edges = {0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0};
const Doubles kBinary_uniform_counts = {7.0, 8.0, 14.0, 9.0, 2.0};
const Doubles kBinary_quantile_true = {0.0, 0.2222222222222222, 0.8571428571428571, 1.0};
const Doubles kBinary_quantile_pred = {0.19999999999999998, 0.46666666666666656, 0.6428571428571427,
                                       0.8400000000000001};
const Doubles kBinary_quantile_edges = {0.0, 0.3, 0.5, 0.7, 0.9};
const Doubles kBinary_quantile_counts = {12.0, 9.0, 14.0, 5.0};
const double kBinaryMcc = 0.7994987468671679, kBinaryKappa = 0.7994987468671679,
             kBinaryBrier = 0.1335;
// at threshold 0.35: precision, recall, f1 of class 1, mcc, kappa
const double kAt035[] = {0.6785714285714286, 1.0, 0.8085106382978724, 0.6226998490772391,
                         0.5588235294117647};
// multiclass, row-major probabilities
const std::vector<std::int32_t> kMultiTruth = {1, 0, 1, 1, 0, 1, 2, 0, 1, 0, 0, 1, 0, 1, 0,
                                               1, 0, 2, 0, 1, 2, 1, 1, 0, 1, 0, 0, 1, 2, 2};
const Doubles kMultiProba = {0.0, 0.6, 0.4,
                             0.7, 0.3, 5.551115123125783e-17,
                             0.0, 0.7, 0.30000000000000004,
                             0.0, 0.7, 0.30000000000000004,
                             0.7, 0.2, 0.10000000000000003,
                             0.1, 0.6, 0.30000000000000004,
                             0.1, 0.1, 0.8,
                             0.4, 0.5, 0.09999999999999998,
                             0.3, 0.4, 0.29999999999999993,
                             0.6, 0.3, 0.10000000000000003,
                             0.6, 0.3, 0.10000000000000003,
                             0.1, 0.5, 0.4,
                             0.4, 0.0, 0.6,
                             0.1, 0.6, 0.30000000000000004,
                             0.8, 0.1, 0.09999999999999995,
                             0.2, 0.6, 0.20000000000000007,
                             0.6, 0.1, 0.30000000000000004,
                             0.1, 0.2, 0.7,
                             0.5, 0.3, 0.2,
                             0.5, 0.4, 0.09999999999999998,
                             0.3, 0.1, 0.6,
                             0.4, 0.5, 0.09999999999999998,
                             0.0, 0.7, 0.30000000000000004,
                             0.6, 0.3, 0.10000000000000003,
                             0.3, 0.4, 0.29999999999999993,
                             0.6, 0.3, 0.10000000000000003,
                             0.6, 0.2, 0.2,
                             0.1, 0.4, 0.5,
                             0.2, 0.3, 0.5,
                             0.3, 0.1, 0.6};
const Doubles kMultiFpr0 = {0.0,
                            0.0,
                            0.0,
                            0.0,
                            0.05555555555555555,
                            0.1111111111111111,
                            0.3333333333333333,
                            0.4444444444444444,
                            0.7777777777777778,
                            1.0};
const Doubles kMultiTpr0 = {
    0.0, 0.08333333333333333, 0.25, 0.75, 0.8333333333333334, 1.0, 1.0, 1.0, 1.0, 1.0};
const Doubles kMultiThresholds0 = {0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};
const double kMultiAuc0 = 0.9837962962962963, kMultiAp0 = 0.9686147186147187;
const Doubles kMultiFpr1 = {0.0,
                            0.0,
                            0.0,
                            0.058823529411764705,
                            0.058823529411764705,
                            0.47058823529411764,
                            0.6470588235294118,
                            0.9411764705882353,
                            1.0};
const Doubles kMultiTpr1 = {
    0.0, 0.23076923076923078, 0.5384615384615384, 0.6923076923076923, 1.0, 1.0, 1.0, 1.0, 1.0};
const Doubles kMultiThresholds1 = {0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};
const double kMultiAuc1 = 0.9773755656108597, kMultiAp1 = 0.9626373626373627;
const Doubles kMultiFpr2 = {0.0, 0.0, 0.0, 0.04, 0.08, 0.16, 0.4, 0.48, 0.52, 0.6, 0.8, 0.92, 1.0};
const Doubles kMultiTpr2 = {0.0, 0.2, 0.4, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
const Doubles kMultiThresholds2 = {0.8,
                                   0.7,
                                   0.6,
                                   0.5,
                                   0.4,
                                   0.30000000000000004,
                                   0.29999999999999993,
                                   0.20000000000000007,
                                   0.2,
                                   0.10000000000000003,
                                   0.09999999999999998,
                                   5.551115123125783e-17};
const double kMultiAuc2 = 0.98, kMultiAp2 = 0.8628571428571428;
const double kMultiMacroAuc = 0.9803906206357187;
const double kMultiMicroAuc = 0.9727777777777777;
const Doubles kMicroFpr = {0.0,
                           0.0,
                           0.0,
                           0.016666666666666666,
                           0.06666666666666667,
                           0.11666666666666667,
                           0.21666666666666667,
                           0.4,
                           0.43333333333333335,
                           0.45,
                           0.5666666666666667,
                           0.65,
                           0.8333333333333334,
                           0.8833333333333333,
                           0.9166666666666666,
                           1.0};
const Doubles kMicroTpr = {0.0,
                           0.06666666666666667,
                           0.26666666666666666,
                           0.6666666666666666,
                           0.8,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0};
const Doubles kMicroThresholds = {0.8,
                                  0.7,
                                  0.6,
                                  0.5,
                                  0.4,
                                  0.30000000000000004,
                                  0.3,
                                  0.29999999999999993,
                                  0.20000000000000007,
                                  0.2,
                                  0.10000000000000003,
                                  0.1,
                                  0.09999999999999998,
                                  5.551115123125783e-17,
                                  0.0};
const Doubles kMacroFpr = {0.0,
                           0.04,
                           0.05555555555555555,
                           0.058823529411764705,
                           0.08,
                           0.1111111111111111,
                           0.16,
                           0.3333333333333333,
                           0.4,
                           0.4444444444444444,
                           0.47058823529411764,
                           0.48,
                           0.52,
                           0.6,
                           0.6470588235294118,
                           0.7777777777777778,
                           0.8,
                           0.92,
                           0.9411764705882353,
                           1.0};
const Doubles kMacroTpr = {0.5628205128205127,
                           0.7510256410256412,
                           0.7982905982905982,
                           0.9124183006535947,
                           0.9688888888888889,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0,
                           1.0};
const Doubles kMultiClassPrecision = {0.9090909090909091, 0.9166666666666666, 0.7142857142857143};
const Doubles kMultiClassRecall = {0.8333333333333334, 0.8461538461538461, 1.0};
const Doubles kMultiClassF1 = {0.8695652173913043, 0.8799999999999999, 0.8333333333333333};
const Doubles kMultiClassSupport = {12.0, 13.0, 5.0};
const double kMultiMcc = 0.7963412899242756, kMultiKappa = 0.7920277296360485,
             kMultiBrier = 0.31733333333333336;
const Doubles kRegTruth = {3.0, -0.5, 2.0, 7.0, 0.0, 1.5};
const Doubles kRegPred = {2.5, 0.0, 2.0, 8.0, 0.25, 1.0};
const double kRegMape = 187649984473770.9;

struct HandCase {
    Doubles scores;
    Flags positive;
    Doubles fpr, tpr, thresholds;  // thresholds[0] = +inf
    double auc;
    Doubles precision, recall, prThresholds;
    double averagePrecision;
};

}  // namespace

Q_DECLARE_METATYPE(HandCase)

class CurvesTest : public QObject {
    Q_OBJECT

  private slots:
    void handWorkedCurves_data() {
        QTest::addColumn<HandCase>("c");
        // Scores 0.9 0.8 0.8 0.8 0.5 0.5 0.2, truth 1 1 0 1 0 1 0 (4 positives, 3 negatives).
        // Distinct thresholds, descending, with the rows scoring >= each:
        //   0.9: tp 1 fp 0 | 0.8: tp 3 fp 1 | 0.5: tp 4 fp 2 | 0.2: tp 4 fp 3.
        // Second differences at 0.8 (fp 0, tp -1) and 0.5 (fp 0, tp -1) are not both 0: all kept.
        // fpr = fp/3, tpr = tp/4. Area: 0 + 1/3 (1/4 + 3/4)/2 + 1/3 (3/4 + 1)/2 + 1/3 = 19/24;
        // Mann-Whitney: positive 0.9 beats 3 negatives, each positive 0.8 beats 2 and ties 1
        // (2.5), positive 0.5 beats 1 and ties 1 (1.5): 9.5 / 12 = 19/24.
        // PR, thresholds ascending 0.2 0.5 0.8 0.9: precision 4/7 4/6 3/4 1/1 then 1; recall
        // 1 1 3/4 1/4 then 0; AP = (1 - 3/4) 3/4 + (3/4 - 1/4) ... = 1/4 * 1 + 1/2 * 3/4 +
        // 1/4 * 2/3 (+ 0 * 4/7) = 6/24 + 9/24 + 4/24 = 19/24.
        QTest::newRow("ties") << HandCase{{0.9, 0.8, 0.8, 0.8, 0.5, 0.5, 0.2},
                                          {1, 1, 0, 1, 0, 1, 0},
                                          {0, 0, 1. / 3, 2. / 3, 1},
                                          {0, 0.25, 0.75, 1, 1},
                                          {kInf, 0.9, 0.8, 0.5, 0.2},
                                          19. / 24,
                                          {4. / 7, 4. / 6, 3. / 4, 1, 1},
                                          {1, 1, 0.75, 0.25, 0},
                                          {0.2, 0.5, 0.8, 0.9},
                                          19. / 24};
        // Scores 0.9 0.8 0.7 0.6, truth 1 1 0 0: fp 0 0 1 2, tp 1 2 2 2. At 0.8: fp second
        // difference 1 - 0 + 0 = 1, kept; at 0.7: fp 2 - 2 + 0 = 0 and tp 2 - 4 + 2 = 0, a
        // collinear point, dropped. Area 1. PR ascending 0.6 0.7 0.8 0.9: precision 2/4 2/3
        // 2/2 1/1, 1; recall 1 1 1 1/2, 0; AP = 1/2 * 1 + 1/2 * 1 = 1.
        QTest::newRow("collinear point dropped") << HandCase{
            {0.9, 0.8, 0.7, 0.6},  {1, 1, 0, 0}, {0, 0, 0, 1},           {0, 0.5, 1, 1},
            {kInf, 0.9, 0.8, 0.6}, 1.0,          {0.5, 2. / 3, 1, 1, 1}, {1, 1, 1, 0.5, 0},
            {0.6, 0.7, 0.8, 0.9},  1.0};
        // Scores 0.8 0.6 0.6 0.4 0.2, truth 1 0 1 0 0: groups 0.8: tp 1 fp 0 | 0.6: tp 2 fp 1 |
        // 0.4: tp 2 fp 2 | 0.2: tp 2 fp 3. At 0.4 both second differences are 0 (fp 3-4+1,
        // tp 2-4+2): dropped. Points (0,0) (0,1/2) (1/3,1) (1,1); area 1/3 (1/2 + 1)/2 + 2/3 =
        // 11/12; Mann-Whitney (3 + 2.5) / 6 = 11/12. PR ascending 0.2 0.4 0.6 0.8: precision
        // 2/5 2/4 2/3 1, 1; recall 1 1 1 1/2, 0; AP = 1/2 * 2/3 + 1/2 * 1 = 5/6.
        QTest::newRow("tie inside a corner") << HandCase{
            {0.8, 0.6, 0.6, 0.4, 0.2}, {1, 0, 1, 0, 0}, {0, 0, 1. / 3, 1},        {0, 0.5, 1, 1},
            {kInf, 0.8, 0.6, 0.2},     11. / 12,        {0.4, 0.5, 2. / 3, 1, 1}, {1, 1, 1, 0.5, 0},
            {0.2, 0.4, 0.6, 0.8},      5. / 6};
        // All five scores tied at 0.5, truth 0 1 1 0 1: one threshold, tp 3 fp 2: the curve is
        // (0,0) (1,1), area 1/2 (every pair a tie). PR: precision 3/5 then 1, recall 1 then 0;
        // AP = 1 * 3/5.
        QTest::newRow("all tied") << HandCase{{0.5, 0.5, 0.5, 0.5, 0.5},
                                              {0, 1, 1, 0, 1},
                                              {0, 1},
                                              {0, 1},
                                              {kInf, 0.5},
                                              0.5,
                                              {0.6, 1},
                                              {1, 0},
                                              {0.5},
                                              0.6};
        // Only negatives (0.6, 0.3): fpr 0 1/2 1; tpr undefined (NaN), area NaN; precision 0
        // everywhere but the final 1, recall 1 (scikit-learn's convention), AP 0.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("no positives")
            << HandCase{{0.6, 0.3}, {0, 0},    {0, 0.5, 1}, {nan, nan, nan}, {kInf, 0.6, 0.3},
                        nan,        {0, 0, 1}, {1, 1, 0},   {0.3, 0.6},      0.0};
    }
    void handWorkedCurves() {
        QFETCH(HandCase, c);
        const RocCurve roc = rocCurve(c.scores, c.positive);
        COMPARE_DOUBLES(roc.fpr, c.fpr);
        COMPARE_DOUBLES(roc.tpr, c.tpr);
        COMPARE_DOUBLES(roc.thresholds, c.thresholds);
        COMPARE_NEAR(curveArea(roc.fpr, roc.tpr), c.auc);
        COMPARE_NEAR(rocAuc(c.scores, c.positive), c.auc);
        const PrecisionRecallCurve pr = precisionRecallCurve(c.scores, c.positive);
        COMPARE_DOUBLES(pr.precision, c.precision);
        COMPARE_DOUBLES(pr.recall, c.recall);
        COMPARE_DOUBLES(pr.thresholds, c.prThresholds);
        COMPARE_NEAR(averagePrecision(c.scores, c.positive), c.averagePrecision);
    }

    void handWorkedCalibration() {
        // Scores 0.05 0.15 0.15 0.5 0.55 0.95, truth 0 0 1 0 1 1.
        // Uniform, 2 bins: edges 0 0.5 1; 0.5 is not above the inner edge, so it goes in bin 0:
        // bin 0 = {0.05, 0.15, 0.15, 0.5} (1 positive of 4, mean 0.85/4), bin 1 = {0.55, 0.95}
        // (2 of 2, mean 0.75).
        // Quantile, 2 bins: median of 6 sorted scores at index 2.5 = 0.15 + (0.5 - 0.15)/2 =
        // 0.325; edges 0.05 0.325 0.95; bin 0 = {0.05, 0.15, 0.15} (1/3, mean 0.35/3), bin 1 =
        // {0.5, 0.55, 0.95} (2/3, mean 2/3).
        const Doubles scores{0.05, 0.15, 0.15, 0.5, 0.55, 0.95};
        const Flags positive{0, 0, 1, 0, 1, 1};
        const CalibrationCurve uniform =
            calibrationCurve(scores, positive, 2, CalibrationStrategy::Uniform);
        COMPARE_DOUBLES(uniform.edges, (Doubles{0, 0.5, 1}));
        QCOMPARE(uniform.counts, (std::vector<std::size_t>{4, 2}));
        COMPARE_DOUBLES(uniform.fractionPositive, (Doubles{0.25, 1}));
        COMPARE_DOUBLES(uniform.meanScore, (Doubles{0.85 / 4, 0.75}));
        const CalibrationCurve quantile =
            calibrationCurve(scores, positive, 2, CalibrationStrategy::Quantile);
        COMPARE_DOUBLES(quantile.edges, (Doubles{0.05, 0.325, 0.95}));
        QCOMPARE(quantile.counts, (std::vector<std::size_t>{3, 3}));
        COMPARE_DOUBLES(quantile.fractionPositive, (Doubles{1. / 3, 2. / 3}));
        COMPARE_DOUBLES(quantile.meanScore, (Doubles{0.35 / 3, 2. / 3}));
        // Empty bins are counted but have no point: 4 uniform bins, none in [0.25, 0.5).
        const CalibrationCurve sparse =
            calibrationCurve(scores, positive, 4, CalibrationStrategy::Uniform);
        QCOMPARE(sparse.counts, (std::vector<std::size_t>{3, 1, 1, 1}));
        QCOMPARE(sparse.fractionPositive.size(), std::size_t(4));
        const CalibrationCurve gap =
            calibrationCurve(Doubles{0.1, 0.9}, Flags{0, 1}, 4, CalibrationStrategy::Uniform);
        QCOMPARE(gap.counts, (std::vector<std::size_t>{1, 0, 0, 1}));
        QCOMPARE(gap.meanScore.size(), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, calibrationCurve(Doubles{1.5}, Flags{1}, 2,
                                                                   CalibrationStrategy::Uniform));
        QVERIFY_THROWS_EXCEPTION(
            InvalidArgument, calibrationCurve(scores, positive, 0, CalibrationStrategy::Uniform));
    }

    void binaryAgreesWithScikitLearn() {
        const Flags positive = flagsOf(kBinaryTruth, 1);
        const RocCurve roc = rocCurve(kBinaryScore, positive);
        COMPARE_DOUBLES(roc.fpr, kBinaryFpr);
        COMPARE_DOUBLES(roc.tpr, kBinaryTpr);
        COMPARE_DOUBLES(roc.thresholds, prepend(kInf, kBinaryThresholds));
        const PrecisionRecallCurve pr = precisionRecallCurve(kBinaryScore, positive);
        COMPARE_DOUBLES(pr.precision, kBinaryPrecision);
        COMPARE_DOUBLES(pr.recall, kBinaryRecall);
        COMPARE_DOUBLES(pr.thresholds, kBinaryPrThresholds);
        COMPARE_NEAR(averagePrecision(kBinaryScore, positive), kBinaryAp);

        CurveOptions options;
        options.calibrationBins = 5;
        const ClassificationCurves curves =
            classificationCurves(kBinaryTruth, binaryPredictions(kBinaryScore), options);
        QCOMPARE(curves.perClass.size(), std::size_t(2));
        QVERIFY(!curves.averaged);
        const ClassCurves& one = curves.perClass[1];
        COMPARE_DOUBLES(one.roc.fpr, kBinaryFpr);
        COMPARE_NEAR(one.auc, kBinaryAuc);
        COMPARE_NEAR(one.averagePrecision, kBinaryAp);
        COMPARE_DOUBLES(one.calibration.fractionPositive, kBinary_uniform_true);
        COMPARE_DOUBLES(one.calibration.meanScore, kBinary_uniform_pred);
        COMPARE_DOUBLES(one.calibration.edges, kBinary_uniform_edges);
        COMPARE_DOUBLES(Doubles(one.calibration.counts.begin(), one.calibration.counts.end()),
                        kBinary_uniform_counts);
        const CalibrationCurve quantile =
            calibrationCurve(kBinaryScore, positive, 4, CalibrationStrategy::Quantile);
        COMPARE_DOUBLES(quantile.fractionPositive, kBinary_quantile_true);
        COMPARE_DOUBLES(quantile.meanScore, kBinary_quantile_pred);
        COMPARE_DOUBLES(quantile.edges, kBinary_quantile_edges);
        COMPARE_DOUBLES(Doubles(quantile.counts.begin(), quantile.counts.end()),
                        kBinary_quantile_counts);
        // Class 0's curve is class 1's seen from the other side: same area.
        COMPARE_NEAR(curves.perClass[0].auc, kBinaryAuc);
    }

    void multiclassAgreesWithScikitLearn() {
        const ClassificationCurves curves =
            classificationCurves(kMultiTruth, multiclassPredictions(kMultiProba, 3));
        QCOMPARE(curves.perClass.size(), std::size_t(3));
        const Doubles* fpr[] = {&kMultiFpr0, &kMultiFpr1, &kMultiFpr2};
        const Doubles* tpr[] = {&kMultiTpr0, &kMultiTpr1, &kMultiTpr2};
        const Doubles* thresholds[] = {&kMultiThresholds0, &kMultiThresholds1, &kMultiThresholds2};
        const double auc[] = {kMultiAuc0, kMultiAuc1, kMultiAuc2};
        const double ap[] = {kMultiAp0, kMultiAp1, kMultiAp2};
        for (std::size_t c = 0; c < 3; ++c) {
            COMPARE_DOUBLES(curves.perClass[c].roc.fpr, *fpr[c]);
            COMPARE_DOUBLES(curves.perClass[c].roc.tpr, *tpr[c]);
            COMPARE_DOUBLES(curves.perClass[c].roc.thresholds, prepend(kInf, *thresholds[c]));
            COMPARE_NEAR(curves.perClass[c].auc, auc[c]);
            COMPARE_NEAR(curves.perClass[c].averagePrecision, ap[c]);
        }
        QVERIFY(curves.averaged);
        COMPARE_NEAR(curves.macroAuc, kMultiMacroAuc);
        COMPARE_NEAR(curves.microAuc, kMultiMicroAuc);
        COMPARE_DOUBLES(curves.microRoc.fpr, kMicroFpr);
        COMPARE_DOUBLES(curves.microRoc.tpr, kMicroTpr);
        COMPARE_DOUBLES(curves.microRoc.thresholds, prepend(kInf, kMicroThresholds));
        COMPARE_DOUBLES(curves.macroRoc.fpr, kMacroFpr);
        COMPARE_DOUBLES(curves.macroRoc.tpr, kMacroTpr);
        QVERIFY(curves.macroRoc.thresholds.empty());
    }

    void metricsAucEqualsCurveArea() {
        // Binary and multiclass references, and a larger random case with many ties.
        const Scores binary = classificationScores(kBinaryTruth, binaryPredictions(kBinaryScore));
        COMPARE_NEAR(*binary.get("auc"), kBinaryAuc);
        const ClassificationCurves multi =
            classificationCurves(kMultiTruth, multiclassPredictions(kMultiProba, 3));
        const Scores multiScores =
            classificationScores(kMultiTruth, multiclassPredictions(kMultiProba, 3));
        COMPARE_NEAR(*multiScores.get("auc"), multi.macroAuc);

        Random random(42);
        Doubles scores(2000);
        Flags positive(2000);
        for (std::size_t i = 0; i < scores.size(); ++i) {
            positive[i] = random.uniform() < 0.3;
            scores[i] = std::round((random.uniform() + 0.3 * positive[i]) * 50) / 50;
        }
        const RocCurve roc = rocCurve(scores, positive);
        COMPARE_NEAR(curveArea(roc.fpr, roc.tpr), rocAuc(scores, positive));
        QVERIFY(roc.fpr.size() < 80);  // one point per distinct score at most
    }

    void scoresAgreeWithScikitLearn() {
        const Scores binary = classificationScores(kBinaryTruth, binaryPredictions(kBinaryScore));
        COMPARE_NEAR(*binary.get("mcc"), kBinaryMcc);
        COMPARE_NEAR(*binary.get("kappa"), kBinaryKappa);
        COMPARE_NEAR(*binary.get("brier"), kBinaryBrier);

        const Scores multi =
            classificationScores(kMultiTruth, multiclassPredictions(kMultiProba, 3));
        COMPARE_NEAR(*multi.get("mcc"), kMultiMcc);
        COMPARE_NEAR(*multi.get("kappa"), kMultiKappa);
        COMPARE_NEAR(*multi.get("brier"), kMultiBrier);
        QCOMPARE(multi.perClass.size(), std::size_t(3));
        for (std::size_t c = 0; c < 3; ++c) {
            COMPARE_NEAR(multi.perClass[c].precision, kMultiClassPrecision[c]);
            COMPARE_NEAR(multi.perClass[c].recall, kMultiClassRecall[c]);
            COMPARE_NEAR(multi.perClass[c].f1, kMultiClassF1[c]);
            COMPARE_NEAR(double(multi.perClass[c].support), kMultiClassSupport[c]);
        }

        const Scores regression = regressionScores(kRegTruth, kRegPred);
        COMPARE_NEAR(*regression.get("mape"), kRegMape);
        // Names: the documented ones first, in their order, the new ones appended.
        QCOMPARE(multi.values.size(), std::size_t(10));
        QCOMPARE(multi.values[6].first, std::string("log_loss"));
        QCOMPARE(multi.values[9].first, std::string("brier"));
        QCOMPARE(regression.values[2].first, std::string("mae"));
        QCOMPARE(regression.values[3].first, std::string("mape"));
    }

    void scoresAtThreshold() {
        const Predictions p = binaryPredictions(kBinaryScore);
        const Scores at = classificationScoresAt(kBinaryTruth, p, 0.35);
        // The confusion matrix counted directly: predicted positive when score >= 0.35.
        std::size_t counts[2][2] = {{0, 0}, {0, 0}};
        for (std::size_t r = 0; r < kBinaryScore.size(); ++r)
            ++counts[kBinaryTruth[r]][kBinaryScore[r] >= 0.35 ? 1 : 0];
        for (int t = 0; t < 2; ++t)
            for (int c = 0; c < 2; ++c) QCOMPARE(at.confusion[t][c], counts[t][c]);
        COMPARE_NEAR(at.perClass[1].precision, kAt035[0]);
        COMPARE_NEAR(at.perClass[1].recall, kAt035[1]);
        COMPARE_NEAR(at.perClass[1].f1, kAt035[2]);
        COMPARE_NEAR(*at.get("mcc"), kAt035[3]);
        COMPARE_NEAR(*at.get("kappa"), kAt035[4]);
        // Threshold-free scores do not move.
        const Scores plain = classificationScores(kBinaryTruth, p);
        COMPARE_NEAR(*at.get("auc"), *plain.get("auc"));
        COMPARE_NEAR(*at.get("brier"), *plain.get("brier"));
        // Above every score: nothing predicted positive.
        const Scores none = classificationScoresAt(kBinaryTruth, p, 1.01);
        QCOMPARE(none.confusion[0][1] + none.confusion[1][1], std::size_t(0));
        QCOMPARE(*none.get("mcc"), 0.0);
        QVERIFY_THROWS_EXCEPTION(
            InvalidArgument,
            classificationScoresAt(kMultiTruth, multiclassPredictions(kMultiProba, 3), 0.5));
    }

    void handWorkedScores() {
        // Truth 0 0 1 1 2 2, predicted 0 1 1 1 2 0 (probability 0.6 on the predicted class, 0.2
        // on the others). Confusion rows [1 1 0] [0 2 0] [1 0 1]; true sums 2 2 2, predicted
        // sums 2 3 1, 4 correct of 6.
        // mcc = (4*6 - (4+6+2)) / sqrt((36 - 12) (36 - (4+9+1))) = 12 / sqrt(24 * 22).
        // kappa: observed agreement 4/6, chance (4+6+2)/36 = 1/3: (2/3 - 1/3) / (2/3) = 1/2.
        // brier (multiclass sum): correct rows 0.16 + 0.04 + 0.04 = 0.24, wrong rows 0.36 +
        // 0.64 + 0.04 = 1.04: (4 * 0.24 + 2 * 1.04) / 6 = 3.04 / 6.
        // Per class: precision 1/2 2/3 1, recall 1/2 1 1/2, f1 1/2 4/5 2/3, support 2 2 2.
        const std::vector<std::int32_t> truth{0, 0, 1, 1, 2, 2};
        const std::vector<int> chosen{0, 1, 1, 1, 2, 0};
        Doubles proba;
        for (int c : chosen)
            for (int k = 0; k < 3; ++k) proba.push_back(k == c ? 0.6 : 0.2);
        const Scores s = classificationScores(truth, multiclassPredictions(proba, 3));
        COMPARE_NEAR(*s.get("mcc"), 12 / std::sqrt(24.0 * 22));
        COMPARE_NEAR(*s.get("kappa"), 0.5);
        COMPARE_NEAR(*s.get("brier"), 3.04 / 6);
        const Doubles precision{0.5, 2. / 3, 1}, recall{0.5, 1, 0.5}, f1{0.5, 0.8, 2. / 3};
        for (std::size_t c = 0; c < 3; ++c) {
            COMPARE_NEAR(s.perClass[c].precision, precision[c]);
            COMPARE_NEAR(s.perClass[c].recall, recall[c]);
            COMPARE_NEAR(s.perClass[c].f1, f1[c]);
            QCOMPARE(s.perClass[c].support, std::size_t(2));
        }
        // A constant prediction: mcc 0 (scikit-learn's convention); kappa 1 - 2/2 = 0 (observed
        // disagreement 2, expected 4 * 2 / 4). Binary brier: (0.36 + 0.36 + 0.16 + 0.16) / 4 with
        // p_1 = 0.4 everywhere against truth 0 1 0 1.
        const std::vector<std::int32_t> half{0, 1, 0, 1};
        const Scores constant = classificationScores(half, binaryPredictions({0.4, 0.4, 0.4, 0.4}));
        QCOMPARE(*constant.get("mcc"), 0.0);
        COMPARE_NEAR(*constant.get("kappa"), 0.0);
        COMPARE_NEAR(*constant.get("brier"), (0.16 + 0.36 + 0.16 + 0.36) / 4);
        // A class never predicted and absent: precision 0 by zero_division=0, support 0.
        const Scores absent =
            classificationScores(std::vector<std::int32_t>{0, 0},
                                 multiclassPredictions({0.9, 0.1, 0, 0.8, 0.1, 0.1}, 3));
        QCOMPARE(absent.perClass[1].precision, 0.0);
        QCOMPARE(absent.perClass[2].support, std::size_t(0));
        QVERIFY(std::isnan(*absent.get("kappa")));  // no expected disagreement: 0/0
        // MAPE by hand: |e| / max(|y|, eps): 0.5/3, 0.5/0.5, 0, 1/7, 0.25/eps, 0.5/1.5.
        const double eps = std::numeric_limits<double>::epsilon();
        const Scores r = regressionScores(kRegTruth, kRegPred);
        COMPARE_NEAR(*r.get("mape"), (0.5 / 3 + 1 + 0 + 1. / 7 + 0.25 / eps + 0.5 / 1.5) / 6);
    }
};

QTEST_APPLESS_MAIN(CurvesTest)
#include "test_curves.moc"

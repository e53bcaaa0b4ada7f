// The privacy budget: losses are exact multiples of 2^-32 (epsilon) and 2^-64 (delta), spends add
// up exactly, a release over the budget is refused naming what is left and changes nothing (no
// noise is even drawn), the ledger lists every release, and bad totals are refused by name.
#include <QtTest>

#include <cmath>
#include <functional>
#include <vector>

#include "engine/dp_mechanisms.h"
#include "engine/errors.h"
#include "engine/privacy_budget.h"
#include "engine/random.h"

using namespace glassbox;

namespace {

QString refusedParameter(const std::function<void()>& f, QString* message = nullptr) {
    try {
        f();
    } catch (const InvalidArgument& e) {
        if (message) *message = QString::fromUtf8(e.what());
        return QString::fromStdString(e.parameter());
    }
    return {};
}

// Counts the words drawn: a refused release must draw none.
class CountingBits : public RandomBits {
  public:
    std::uint64_t next64() override {
        ++drawn;
        return inner.next64();
    }
    SeededRandomBits inner{5};
    std::size_t drawn = 0;
};

}  // namespace

class PrivacyBudgetTest : public QObject {
    Q_OBJECT
  private slots:
    void lossUnits() {
        const PrivacyLoss loss = PrivacyLoss::of(0.1, 1e-6);
        QCOMPARE(loss.epsilonUnits, std::uint64_t(std::floor(0.1 * 4294967296.0)));
        QCOMPARE(loss.deltaUnits, std::uint64_t(std::floor(std::ldexp(1e-6, 64))));
        QVERIFY(loss.epsilon() <= 0.1 && loss.epsilon() > 0.1 - std::ldexp(1.0, -32));
        QVERIFY(loss.delta() <= 1e-6 && loss.delta() > 1e-6 * (1 - 1e-12));
        QCOMPARE(PrivacyLoss::of(0.5).epsilon(), 0.5);
        QCOMPARE(PrivacyLoss::of(0.5).deltaUnits, std::uint64_t(0));
    }

    // Ten spends of 0.1 fit 1 (floating-point sums would not be trusted to), the eleventh not.
    void spendsAddUp() {
        PrivacyBudget budget(1.0);
        for (int i = 0; i < 10; ++i)
            budget.spend("query " + std::to_string(i), PrivacyLoss::of(0.1));
        QCOMPARE(budget.ledger().size(), std::size_t(10));
        QCOMPARE(budget.spent().epsilonUnits, 10 * PrivacyLoss::of(0.1).epsilonUnits);
        QCOMPARE(budget.spent().epsilonUnits + budget.remaining().epsilonUnits,
                 budget.total().epsilonUnits);
        QString message;
        QCOMPARE(
            refusedParameter([&] { budget.spend("one more", PrivacyLoss::of(0.1)); }, &message),
            QString("epsilon"));
        QCOMPARE(budget.remaining().epsilonUnits, std::uint64_t(6));  // 2^32 - 10 * 429496729
        QVERIFY2(message.contains("\"one more\" needs 0.1 but only 1.39698e-09 of the privacy "
                                  "budget of 1 is left"),
                 qPrintable(message));
        QCOMPARE(budget.ledger().size(), std::size_t(10));

        // Random spends: the total is the exact sum of the entries.
        Random random(7);
        PrivacyBudget large(1000.0, 0.5);
        std::uint64_t epsilonUnits = 0, deltaUnits = 0;
        for (int i = 0; i < 200; ++i) {
            const PrivacyLoss loss =
                PrivacyLoss::of(0.001 + random.uniform(), 1e-9 * random.uniform() + 1e-12);
            large.spend("r", loss);
            epsilonUnits += loss.epsilonUnits;
            deltaUnits += loss.deltaUnits;
        }
        QCOMPARE(large.spent().epsilonUnits, epsilonUnits);
        QCOMPARE(large.spent().deltaUnits, deltaUnits);
        std::uint64_t ledgerUnits = 0;
        for (const LedgerEntry& entry : large.ledger()) ledgerUnits += entry.loss.epsilonUnits;
        QCOMPARE(ledgerUnits, epsilonUnits);
    }

    void spendExactlyWhatIsLeft() {
        PrivacyBudget budget(1.0, 1e-5);
        budget.spend("a", PrivacyLoss::of(0.75, 4e-6));
        QVERIFY(budget.allows(budget.remaining()));
        budget.spend("rest", budget.remaining());
        QCOMPARE(budget.remaining().epsilonUnits, std::uint64_t(0));
        QCOMPARE(budget.remaining().deltaUnits, std::uint64_t(0));
        QVERIFY(!budget.allows(PrivacyLoss{1, 0}));
        QVERIFY(!budget.allows(PrivacyLoss{0, 1}));
    }

    void deltaEnforced() {
        PrivacyBudget budget(10.0, 1e-5);
        for (int i = 0; i < 9; ++i) budget.spend("g", PrivacyLoss::of(0.1, 1e-6));
        QString message;
        QCOMPARE(
            refusedParameter([&] { budget.spend("big", PrivacyLoss::of(0.1, 2e-6)); }, &message),
            QString("delta"));
        QVERIFY2(message.contains("needs 2e-06 but only 1e-06"), qPrintable(message));
        budget.spend("last", PrivacyLoss::of(0.1, 1e-6));
        // A pure epsilon budget refuses every delta.
        PrivacyBudget pure(1.0);
        QCOMPARE(refusedParameter([&] { pure.spend("g", PrivacyLoss::of(0.1, 1e-9)); }),
                 QString("delta"));
        QVERIFY(pure.ledger().empty());
    }

    // Releases through the mechanisms: charged as planned, refused before any noise is drawn.
    void releasesCharge() {
        PrivacyBudget budget(1.0, 1e-6);
        CountingBits bits;
        const std::vector<double> values{1, 2, 3, 4};
        DpRequest sum;
        sum.label = "sum of x";
        sum.epsilon = 0.5;
        sum.upper = 4;
        releaseSum(values, sum, budget, bits);
        DpRequest mean = sum;
        mean.label = "mean of x";
        mean.noise = DpNoise::Gaussian;
        mean.epsilon = 0.3;
        mean.delta = 1e-6;
        const DpMeanRelease m = releaseMean(values, mean, budget, bits);
        QCOMPARE(m.sumPlan.loss.epsilonUnits + m.countPlan.loss.epsilonUnits,
                 PrivacyLoss::of(0.3).epsilonUnits);
        QCOMPARE(m.sumPlan.loss.deltaUnits + m.countPlan.loss.deltaUnits,
                 PrivacyLoss::of(0.3, 1e-6).deltaUnits);

        const std::size_t drawn = bits.drawn;
        DpRequest count;
        count.label = "rows";
        count.epsilon = 0.25;  // 0.2 is left
        QCOMPARE(refusedParameter([&] { releaseCount(4, count, budget, bits); }),
                 QString("epsilon"));
        QCOMPARE(refusedParameter([&] { releaseMean(values, mean, budget, bits); }),
                 QString("epsilon"));
        QCOMPARE(bits.drawn, drawn);
        count.epsilon = 0.2;
        releaseCount(4, count, budget, bits);

        const std::vector<LedgerEntry>& ledger = budget.ledger();
        QCOMPARE(ledger.size(), std::size_t(4));
        QCOMPARE(ledger[0].what, std::string("sum of x"));
        QCOMPARE(ledger[0].loss.epsilonUnits, PrivacyLoss::of(0.5).epsilonUnits);
        QCOMPARE(ledger[1].what, std::string("mean of x (noisy sum)"));
        QCOMPARE(ledger[2].what, std::string("mean of x (noisy count)"));
        QCOMPARE(ledger[2].loss.deltaUnits, m.countPlan.loss.deltaUnits);
        QCOMPARE(ledger[3].what, std::string("rows"));
        QCOMPARE(budget.spent().epsilonUnits, PrivacyLoss::of(0.5).epsilonUnits +
                                                  PrivacyLoss::of(0.3).epsilonUnits +
                                                  PrivacyLoss::of(0.2).epsilonUnits);

        const QString report = QString::fromStdString(budget.report());
        QVERIFY2(
            report.startsWith("privacy budget: epsilon 1 (spent 1, left 2.32831e-10), delta 1e-06 "
                              "(spent 1e-06, left 0)\n"),
            qPrintable(report));
        QVERIFY2(report.contains("1. sum of x: epsilon 0.5\n"), qPrintable(report));
        QVERIFY2(report.contains("3. mean of x (noisy count): epsilon 0.15, delta 5e-07\n"),
                 qPrintable(report));
        QVERIFY2(report.contains("4. rows: epsilon 0.2\n"), qPrintable(report));
    }

    void refusedTotals_data() {
        QTest::addColumn<double>("epsilon");
        QTest::addColumn<double>("delta");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("epsilon 0") << 0.0 << 0.0 << "epsilon";
        QTest::newRow("epsilon -1") << -1.0 << 0.0 << "epsilon";
        QTest::newRow("epsilon NaN") << double(NAN) << 0.0 << "epsilon";
        QTest::newRow("epsilon infinite") << double(INFINITY) << 0.0 << "epsilon";
        QTest::newRow("epsilon 1e-12") << 1e-12 << 0.0 << "epsilon";
        QTest::newRow("epsilon 1e9") << 1e9 << 0.0 << "epsilon";
        QTest::newRow("delta -1e-9") << 1.0 << -1e-9 << "delta";
        QTest::newRow("delta 1") << 1.0 << 1.0 << "delta";
        QTest::newRow("delta NaN") << 1.0 << double(NAN) << "delta";
        QTest::newRow("delta 1e-30") << 1.0 << 1e-30 << "delta";
        QTest::newRow("valid") << 1.0 << 1e-6 << "";
    }
    void refusedTotals() {
        QFETCH(double, epsilon);
        QFETCH(double, delta);
        QFETCH(QString, parameter);
        QCOMPARE(refusedParameter([&] { PrivacyBudget budget(epsilon, delta); }), parameter);
        QCOMPARE(refusedParameter([&] { PrivacyLoss::of(epsilon, delta); }), parameter);
    }
};

QTEST_APPLESS_MAIN(PrivacyBudgetTest)
#include "test_privacy_budget.moc"

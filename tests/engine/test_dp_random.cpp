// The random bit sources of the DP samplers: the OS CSPRNG (getrandom and the device fallback)
// delivers balanced bits and names the file it cannot read; the seeded source is reproducible;
// uniformBelow is exact and uniform.
#include <QtTest>

#include <QTemporaryDir>

#include <bit>
#include <fstream>
#include <set>

#include "engine/dp_random.h"
#include "engine/errors.h"

using namespace glassbox;

namespace {

// Over 1000 words (64 000 bits), the number of ones is within 5 standard deviations of half,
// and no two words repeat.
void checkBalanced(RandomBits& bits) {
    std::size_t ones = 0;
    std::set<std::uint64_t> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t word = bits.next64();
        ones += std::popcount(word);
        seen.insert(word);
    }
    QVERIFY2(std::abs(double(ones) - 32000.0) < 5 * std::sqrt(16000.0),
             qPrintable(QString::number(ones)));
    QCOMPARE(seen.size(), std::size_t(1000));
}

}  // namespace

class DpRandomTest : public QObject {
    Q_OBJECT
  private slots:
    void systemBits() {
        SystemRandomBits bits;
        checkBalanced(bits);
        SystemRandomBits other;
        QVERIFY(bits.next64() != other.next64());
    }
    void deviceBits() {
        SystemRandomBits bits("/dev/urandom");
        checkBalanced(bits);
    }
    void systemBytes() {
        std::vector<std::uint8_t> bytes(100000, 0);
        systemRandomBytes(bytes.data(), bytes.size());  // larger than one getrandom call's promise
        std::size_t zeros = 0;
        for (const std::uint8_t b : bytes) zeros += b == 0;
        QVERIFY2(zeros < 600, qPrintable(QString::number(zeros)));  // about 390 expected
    }
    void unreadableDevice() {
        SystemRandomBits missing("/nonexistent/urandom");
        try {
            missing.next64();
            QFAIL("no error");
        } catch (const IoError& e) {
            QCOMPARE(QString::fromStdString(e.file()), QString("/nonexistent/urandom"));
        }
        QTemporaryDir dir;
        const std::string shortFile = (dir.path() + "/short").toStdString();
        std::ofstream(shortFile) << "only 20 bytes here..";
        SystemRandomBits truncated(shortFile);
        try {
            truncated.next64();
            QFAIL("no error");
        } catch (const IoError& e) {
            QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(shortFile));
            QVERIFY(QString(e.what()).contains("ended"));
        }
    }
    void seededIsReproducible() {
        SeededRandomBits a(99), b(99), c(100);
        bool differs = false;
        for (int i = 0; i < 100; ++i) {
            const std::uint64_t x = a.next64();
            QCOMPARE(x, b.next64());
            differs |= x != c.next64();
        }
        QVERIFY(differs);
        SeededRandomBits d(3);
        checkBalanced(d);
    }
    void uniformBelowIsUniform() {
        SeededRandomBits bits(4);
        // Chi-square over 6 cells, 5 degrees of freedom: below 20.5 at alpha = 0.001.
        std::array<double, 6> counts{};
        const int n = 60000;
        for (int i = 0; i < n; ++i) counts[uniformBelow(bits, 6)] += 1;
        double chi2 = 0;
        for (const double c : counts) chi2 += (c - n / 6.0) * (c - n / 6.0) / (n / 6.0);
        QVERIFY2(chi2 < 20.5, qPrintable(QString::number(chi2)));
        // A range of 3 * 2^62 (a quarter of the words are rejected): values stay below it and
        // the top bit is set a third of the time.
        const std::uint64_t big = std::uint64_t(3) << 62;
        int high = 0;
        for (int i = 0; i < 10000; ++i) {
            const std::uint64_t x = uniformBelow(bits, big);
            QVERIFY(x < big);
            high += x >> 63;
        }
        QVERIFY2(std::abs(high - 3333) < 5 * 47, qPrintable(QString::number(high)));
        QCOMPARE(uniformBelow(bits, 1), std::uint64_t(0));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, uniformBelow(bits, 0));
    }
};

QTEST_APPLESS_MAIN(DpRandomTest)
#include "test_dp_random.moc"

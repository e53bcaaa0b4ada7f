// The CSPRNG wrapper: fills exactly the bytes asked for, never repeats, shows no byte bias, and
// its /dev/urandom fallback reports a missing or wrong device as IoError.
#include <QtTest>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "engine/errors.h"
#include "engine/secure_random.h"

using namespace glassbox;

namespace {

// Chi-square statistic of the byte frequencies against uniform.
double chiSquare(const std::vector<std::uint8_t>& bytes) {
    std::array<double, 256> counts{};
    for (std::uint8_t b : bytes) ++counts[b];
    const double expected = double(bytes.size()) / 256.0;
    double chi = 0;
    for (double c : counts) chi += (c - expected) * (c - expected) / expected;
    return chi;
}

// 255 degrees of freedom: mean 255, standard deviation sqrt(510) ~ 22.6. Within 7 standard
// deviations either way (a fair source fails about once in 10^11 runs); a counter or a constant
// source is far outside.
bool plausiblyUniform(const std::vector<std::uint8_t>& bytes) {
    const double chi = chiSquare(bytes);
    return chi > 255 - 7 * std::sqrt(510.0) && chi < 255 + 7 * std::sqrt(510.0);
}

}  // namespace

class SecureRandomTest : public QObject {
    Q_OBJECT
  private slots:
    void lengths_data() {
        QTest::addColumn<int>("length");
        for (int n : {0, 1, 7, 8, 255, 256, 257, 4096, 100000, 1 << 20})
            QTest::newRow(std::to_string(n).c_str()) << n;
    }
    void lengths() {
        QFETCH(int, length);
        const std::size_t n = std::size_t(length);
        QCOMPARE(secureRandomBytes(n).size(), n);
        // Exactly the span is written: guard bytes around it keep their value, and the last
        // 16 bytes of the span were written (all 16 equal to the fill has chance 2^-128).
        std::vector<std::uint8_t> buffer(n + 32, 0xA5);
        secureRandomBytes(std::span(buffer).subspan(16, n));
        for (std::size_t i = 0; i < 16; ++i) {
            QCOMPARE(buffer[i], std::uint8_t(0xA5));
            QCOMPARE(buffer[n + 16 + i], std::uint8_t(0xA5));
        }
        if (n >= 16) {
            bool written = false;
            for (std::size_t i = n; i < n + 16; ++i) written = written || buffer[i] != 0xA5;
            QVERIFY(written);
        }
    }
    void drawsDiffer() {
        QVERIFY(secureRandomBytes(32) != secureRandomBytes(32));
        QVERIFY(secureRandomU64() != secureRandomU64());
    }
    void noByteBias() {
        const std::vector<std::uint8_t> bytes = secureRandomBytes(1 << 20);
        QVERIFY2(plausiblyUniform(bytes), qPrintable(QString::number(chiSquare(bytes))));
        // The check can fail: a counter (too even) and a skewed source (too uneven) do.
        std::vector<std::uint8_t> counter(1 << 20);
        for (std::size_t i = 0; i < counter.size(); ++i) counter[i] = std::uint8_t(i);
        QVERIFY(!plausiblyUniform(counter));
        std::vector<std::uint8_t> skewed = bytes;
        for (std::size_t i = 0; i < skewed.size(); i += 64) skewed[i] = 0;
        QVERIFY(!plausiblyUniform(skewed));
    }
    void fallbackDevice() {
        std::vector<std::uint8_t> bytes(1 << 18, 0);
        readRandomDevice(bytes);
        QVERIFY2(plausiblyUniform(bytes), qPrintable(QString::number(chiSquare(bytes))));
    }
    void unavailableDevice_data() {
        QTest::addColumn<QString>("device");
        QTest::newRow("missing") << "/nonexistent/urandom";
        QTest::newRow("regular file") << QString(__FILE__);
        QTest::newRow("directory") << "/tmp";
    }
    void unavailableDevice() {
        QFETCH(QString, device);
        std::vector<std::uint8_t> bytes(16);
        try {
            readRandomDevice(bytes, device.toStdString());
            QFAIL("expected IoError");
        } catch (const IoError& e) {
            QCOMPARE(QString::fromStdString(e.file()), device);
        }
    }
};

QTEST_APPLESS_MAIN(SecureRandomTest)
#include "test_secure_random.moc"

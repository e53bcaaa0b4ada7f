// HMAC-SHA256 against the RFC 4231 test vectors (cases 1-7), whole, in pieces and reusing one
// keyed object for several messages.
#include <QtTest>

#include <string>
#include <vector>

#include "engine/hmac_sha256.h"

using namespace glassbox;

namespace {

std::vector<std::uint8_t> bytes(const QByteArray& a) {
    return std::vector<std::uint8_t>(a.begin(), a.end());
}

QString hex(const HmacSha256::Digest& d) {
    return QString::fromStdString(Sha256::hex(d));
}

}  // namespace

class HmacSha256Test : public QObject {
    Q_OBJECT
  private slots:
    void rfc4231_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mac");  // case 5 is truncated to 128 bits
        QTest::newRow("case 1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
        QTest::newRow("case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        QTest::newRow("case 3")
            << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
            << "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe";
        QByteArray key4;
        for (char c = 1; c <= 25; ++c) key4.append(c);
        QTest::newRow("case 4")
            << key4 << QByteArray(50, '\xcd')
            << "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b";
        QTest::newRow("case 5") << QByteArray(20, '\x0c') << QByteArray("Test With Truncation")
                                << "a3b6167473100ee06e0c796c2955552b";
        QTest::newRow("case 6")
            << QByteArray(131, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
        QTest::newRow("case 7")
            << QByteArray(131, '\xaa')
            << QByteArray(
                   "This is a test using a larger than block-size key and a larger than block-size "
                   "data. The key needs to be hashed before being used by the HMAC algorithm.")
            << "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2";
    }
    void rfc4231() {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QString, mac);
        const auto k = bytes(key), m = bytes(data);
        QCOMPARE(hex(HmacSha256::of(k, m)).left(mac.size()), mac);

        // One byte at a time, then the same object again for a second message: finish() leaves
        // it keyed and empty.
        HmacSha256 pieces(k);
        for (std::uint8_t b : m) pieces.update(std::span<const std::uint8_t>(&b, 1));
        QCOMPARE(hex(pieces.finish()).left(mac.size()), mac);
        pieces.update(m);
        QCOMPARE(hex(pieces.finish()).left(mac.size()), mac);

        // A copy carries the state so far.
        HmacSha256 prefix(k);
        prefix.update(std::span(m).first(m.size() / 2));
        HmacSha256 copy = prefix;
        copy.update(std::span(m).subspan(m.size() / 2));
        QCOMPARE(hex(copy.finish()).left(mac.size()), mac);
    }
    void keyAndMessageMatter() {
        const std::vector<std::uint8_t> key(32, 7), other(32, 8);
        const std::vector<std::uint8_t> message{1, 2, 3};
        const std::vector<std::uint8_t> changed{1, 2, 4};
        QVERIFY(HmacSha256::of(key, message) != HmacSha256::of(other, message));
        QVERIFY(HmacSha256::of(key, message) != HmacSha256::of(key, changed));
        // HMAC is not the plain hash of key || message.
        std::vector<std::uint8_t> joined = key;
        joined.insert(joined.end(), message.begin(), message.end());
        QVERIFY(HmacSha256::of(key, message) != Sha256::of(joined));
    }
};

QTEST_APPLESS_MAIN(HmacSha256Test)
#include "test_hmac_sha256.moc"

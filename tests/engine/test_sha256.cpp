// SHA-256 against the FIPS 180-4 / NIST example vectors, fed whole and in odd pieces.
#include <QtTest>

#include <string>

#include "engine/sha256.h"

using namespace glassbox;

class Sha256Test : public QObject {
    Q_OBJECT
  private slots:
    void vectors_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty")
            << QByteArray()
            << QString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc")
            << QByteArray("abc")
            << QString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("448 bits")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QString("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("896 bits")
            << QByteArray(
                   "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklm"
                   "nopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            << QString("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        QTest::newRow("million a")
            << QByteArray(1000000, 'a')
            << QString("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    void vectors() {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        const auto* data = reinterpret_cast<const std::uint8_t*>(input.constData());
        QCOMPARE(QString::fromStdString(Sha256::hex(Sha256::of({data, std::size_t(input.size())}))),
                 digest);
        // The same bytes in pieces of 1, 63, 64 and 65 bytes, repeating.
        Sha256 pieces;
        const std::size_t sizes[] = {1, 63, 64, 65};
        std::size_t at = 0, i = 0;
        while (at < std::size_t(input.size())) {
            const std::size_t take = std::min(sizes[i++ % 4], std::size_t(input.size()) - at);
            pieces.update({data + at, take});
            at += take;
        }
        QCOMPARE(QString::fromStdString(Sha256::hex(pieces.finish())), digest);
    }
};

QTEST_APPLESS_MAIN(Sha256Test)
#include "test_sha256.moc"

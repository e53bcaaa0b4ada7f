// The pseudonym key file: created once with mode 0600 and a recognisable text form, loaded the
// same afterwards (also when two threads race to create it), and refused with an IoError
// naming the file when it is malformed, has a short key or is open to group or others.
#include <QtTest>

#include <sys/stat.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/errors.h"
#include "engine/pseudonym_key.h"
#include "engine/sha256.h"

using namespace glassbox;

namespace {

std::string hexOf(std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    for (std::uint8_t b : bytes) {
        s += kDigits[b >> 4];
        s += kDigits[b & 15];
    }
    return s;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const std::string& path, const std::string& text, mode_t mode) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    ::chmod(path.c_str(), mode);
}

mode_t modeOf(const std::string& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return info.st_mode & 07777;
}

const std::string kHeader = "glassbox-pseudonym-key 1\n";
const std::string kGoodHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

}  // namespace

class PseudonymKeyTest : public QObject {
    Q_OBJECT
  private slots:
    void createThenLoad_data() {
        QTest::addColumn<int>("umask");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 0;  // the file must still not be group/other readable
        QTest::newRow("umask 077") << 077;
    }
    void createThenLoad() {
        QFETCH(int, umask);
        QTemporaryDir dir;
        const std::string path = dir.filePath("secret.key").toStdString();
        const mode_t old = ::umask(mode_t(umask));
        PseudonymKey created = PseudonymKey::loadOrCreate(path);
        ::umask(old);
        QVERIFY(created.created());
        QCOMPARE(created.bytes().size(), std::size_t(32));
        QCOMPARE(modeOf(path), mode_t(0600));
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"secret.key"});

        // The text form: the header line, then the key in hex on a line of its own.
        const std::string text = readAll(path);
        QVERIFY(text.starts_with(kHeader));
        QVERIFY(text.find("\n" + hexOf(created.bytes()) + "\n") != std::string::npos);

        const PseudonymKey loaded = PseudonymKey::loadOrCreate(path);
        QVERIFY(!loaded.created());
        QVERIFY(std::ranges::equal(loaded.bytes(), created.bytes()));
        const PseudonymKey again = PseudonymKey::load(path);
        QVERIFY(std::ranges::equal(again.bytes(), created.bytes()));
        QCOMPARE(readAll(path), text);  // loading never rewrites the file

        // Another file gets another key.
        const PseudonymKey other =
            PseudonymKey::loadOrCreate(dir.filePath("other.key").toStdString());
        QVERIFY(!std::ranges::equal(other.bytes(), created.bytes()));
    }
    void racingCreatorsAgree() {
        QTemporaryDir dir;
        for (int round = 0; round < 20; ++round) {
            const std::string path = dir.filePath(QString("race%1.key").arg(round)).toStdString();
            std::vector<std::vector<std::uint8_t>> keys(4);
            std::vector<std::thread> threads;
            for (auto& key : keys)
                threads.emplace_back([&key, &path] {
                    const PseudonymKey k = PseudonymKey::loadOrCreate(path);
                    key.assign(k.bytes().begin(), k.bytes().end());
                });
            for (auto& t : threads) t.join();
            for (const auto& key : keys) QCOMPARE(key, keys[0]);
            QCOMPARE(hexOf(PseudonymKey::load(path).bytes()), hexOf(keys[0]));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 20);
    }
    void accepted_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hex");
        QTest::newRow("plain") << QString::fromStdString(kHeader + kGoodHex + "\n")
                               << QString::fromStdString(kGoodHex);
        QTest::newRow("comments, blank lines, CRLF, upper case, no final newline")
            << QString::fromStdString("glassbox-pseudonym-key 1\r\n# a comment\r\n\r\n  " +
                                      QString::fromStdString(kGoodHex).toUpper().toStdString())
            << QString::fromStdString(kGoodHex);
        QTest::newRow("64 bytes") << QString::fromStdString(kHeader + kGoodHex + kGoodHex + "\n")
                                  << QString::fromStdString(kGoodHex + kGoodHex);
    }
    void accepted() {
        QFETCH(QString, text);
        QFETCH(QString, hex);
        QTemporaryDir dir;
        const std::string path = dir.filePath("k").toStdString();
        writeFile(path, text.toStdString(), 0600);
        QCOMPARE(QString::fromStdString(hexOf(PseudonymKey::load(path).bytes())), hex);
        // Owner read-only is fine too.
        ::chmod(path.c_str(), 0400);
        QCOMPARE(QString::fromStdString(hexOf(PseudonymKey::loadOrCreate(path).bytes())), hex);
    }
    void refused_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("reason");
        const auto good = QString::fromStdString(kHeader + kGoodHex + "\n");
        QTest::newRow("empty") << "" << 0600 << "is empty";
        QTest::newRow("no header")
            << QString::fromStdString(kGoodHex + "\n") << 0600 << "first line";
        QTest::newRow("other header")
            << QString::fromStdString("glassbox-pseudonym-key 2\n" + kGoodHex) << 0600
            << "first line";
        QTest::newRow("no key") << QString::fromStdString(kHeader + "# nothing\n") << 0600
                                << "no key line";
        QTest::newRow("not hex")
            << QString::fromStdString(kHeader + "g" + kGoodHex.substr(1) + "\n") << 0600
            << "line 2: the key has a character that is not a hexadecimal digit";
        QTest::newRow("odd digits")
            << QString::fromStdString(kHeader + kGoodHex + "0\n") << 0600 << "odd number";
        QTest::newRow("too short") << QString::fromStdString(kHeader + kGoodHex.substr(2) + "\n")
                                   << 0600 << "too short: 62 hexadecimal digits, at least 64";
        QTest::newRow("too long") << QString::fromStdString(kHeader + kGoodHex + kGoodHex + "00\n")
                                  << 0600 << "too long";
        QTest::newRow("two keys") << QString::fromStdString(kHeader + kGoodHex + "\n" + kGoodHex +
                                                            "\n")
                                  << 0600 << "line 3: a second key";
        QTest::newRow("constant key")
            << QString::fromStdString(kHeader + std::string(64, '7') + "\n") << 0600
            << "single byte";
        QTest::newRow("huge file")
            << QString::fromStdString(kHeader + std::string(5000, '#')) << 0600 << "too large";
        QTest::newRow("group readable") << good << 0640 << "group or others (mode 0640)";
        QTest::newRow("world readable") << good << 0644 << "group or others (mode 0644)";
        QTest::newRow("other readable") << good << 0604 << "(mode 0604)";
        QTest::newRow("group writable") << good << 0620 << "(mode 0620)";
        QTest::newRow("group executable") << good << 0610 << "(mode 0610)";
    }
    void refused() {
        QFETCH(QString, text);
        QFETCH(int, mode);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = dir.filePath("bad.key").toStdString();
        writeFile(path, text.toStdString(), mode_t(mode));
        const std::string before = readAll(path);
        for (int create = 0; create < 2; ++create) {
            try {
                if (create)
                    PseudonymKey::loadOrCreate(path);
                else
                    PseudonymKey::load(path);
                QFAIL("expected IoError");
            } catch (const IoError& e) {
                QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
                QVERIFY2(QString(e.what()).contains(reason), e.what());
                QVERIFY2(!QString(e.what()).contains(QString::fromStdString(kGoodHex)), e.what());
            }
        }
        QCOMPARE(readAll(path), before);  // a refused file is never replaced
    }
    void unusablePaths() {
        QTemporaryDir dir;
        // A directory, a missing parent directory, a missing file for load().
        QVERIFY_THROWS_EXCEPTION(IoError, PseudonymKey::loadOrCreate(dir.path().toStdString()));
        QVERIFY_THROWS_EXCEPTION(
            IoError, PseudonymKey::loadOrCreate(dir.filePath("no/such/dir/k").toStdString()));
        QVERIFY_THROWS_EXCEPTION(IoError,
                                 PseudonymKey::load(dir.filePath("missing").toStdString()));
        QVERIFY(!QFile::exists(dir.filePath("missing")));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, PseudonymKey::loadOrCreate(""));
    }
    void fromBytesAndId() {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 PseudonymKey::fromBytes(std::vector<std::uint8_t>(31, 1)));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 PseudonymKey::fromBytes(std::vector<std::uint8_t>(65, 1)));
        std::vector<std::uint8_t> a(32), b(32);
        for (int i = 0; i < 32; ++i) a[i] = std::uint8_t(i), b[i] = std::uint8_t(i + 1);
        const PseudonymKey ka = PseudonymKey::fromBytes(a), kb = PseudonymKey::fromBytes(b);
        QCOMPARE(ka.id().size(), std::size_t(16));
        QCOMPARE(ka.id(), PseudonymKey::fromBytes(a).id());
        QVERIFY(ka.id() != kb.id());
        QVERIFY(hexOf(a).find(ka.id()) == std::string::npos);
        // Moving hands the key over and leaves the source empty.
        PseudonymKey moved = PseudonymKey::fromBytes(a);
        PseudonymKey target = std::move(moved);
        QVERIFY(std::ranges::equal(target.bytes(), a));
        QVERIFY(moved.bytes().empty());
    }
};

QTEST_APPLESS_MAIN(PseudonymKeyTest)
#include "test_pseudonym_key.moc"

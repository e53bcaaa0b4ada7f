// The model file format (docs/model-format.md) for every learner: a reloaded model predicts
// bit-identically and re-serializes to the same bytes; truncated, bit-flipped, foreign and
// future files are rejected; and payloads damaged behind a recomputed checksum (what a crafted
// file looks like) either load and predict or are rejected with ModelFormatError — never a
// crash, never another exception.
#include <QtTest>

#include <cstring>

#include "engine/errors.h"
#include "engine/model_file.h"
#include "engine/random.h"
#include "engine/sha256.h"
#include "engine/table_reader.h"

using namespace glassbox;

namespace {

constexpr std::size_t kPreamble = 56;

// A small fit of `learner` on credit-g (numeric and categorical features) or, for regression
// only learners, on diabetes_regression.
TrainedModel smallModel(const Learner& learner) {
    const bool regression = !learner.supports(TaskKind::Classification);
    const std::string file = std::string(GLASSBOX_SHARED_DIR "/datasets/") +
                             (regression ? "diabetes_regression.csv" : "credit-g.arff");
    const LoadedTable loaded = readTable(file, {}, {});
    Dataset data =
        makeDataset(loaded.table, regression ? "progression" : "class", std::nullopt).dataset;
    std::vector<std::size_t> rows(200);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    data = data.subset(rows);
    std::map<std::string, std::string> given;
    if (learner.name() == "random_forest") given["n_estimators"] = "5";
    if (learner.name() == "gradient_boosting") given["n_estimators"] = "5";
    if (learner.name() == "mlp") given["epochs"] = "3";
    TrainedModel t;
    t.learner = std::string(learner.name());
    t.params = ParamValues::resolve(learner.params(), given);
    t.task = data.task;
    t.target = data.target;
    t.classes = data.classes;
    t.schema = data.features.schema();
    t.seed = 3;
    t.model = learner.fit(data, t.params, FitOptions{3, 2}, {});
    return t;
}

// Recomputes the checksum, as someone crafting a file would.
void reseal(std::vector<std::uint8_t>& bytes) {
    Sha256 hash;
    hash.update(std::span<const std::uint8_t>(bytes).subspan(kPreamble));
    const Sha256::Digest d = hash.finish();
    std::memcpy(bytes.data() + 24, d.data(), d.size());
}

FeatureMatrix someRows(const TrainedModel& t) {
    const bool regression = t.task == TaskKind::Regression;
    const LoadedTable loaded =
        readTable(std::string(GLASSBOX_SHARED_DIR "/datasets/") +
                      (regression ? "diabetes_regression.csv" : "credit-g.arff"),
                  {}, {});
    return encodeFeatures(loaded.table, t.schema, "rows");
}

}  // namespace

class ModelFileTest : public QObject {
    Q_OBJECT
  private slots:
    void formats_data() {
        QTest::addColumn<QString>("learner");
        for (const Learner* l : allLearners())
            QTest::newRow(std::string(l->name()).c_str())
                << QString::fromStdString(std::string(l->name()));
    }

    void formats() {
        QFETCH(QString, learner);
        try {
            check(learnerNamed(learner.toStdString()));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

    void foreignFilesAreNotModels() {
        const std::vector<std::uint8_t> text = {'a', ',', 'b', '\n'};
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(text, "x.csv"));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel({}, "empty"));
        QVERIFY_THROWS_EXCEPTION(IoError, loadModelFile("/nonexistent/model.gbx"));
    }

  private:
    void check(const Learner& learner) {
        const TrainedModel original = smallModel(learner);
        const std::vector<std::uint8_t> bytes = serializeModel(original);
        const FeatureMatrix x = someRows(original);
        const Predictions expected = original.model->predict(x, {});

        // Round trip: same predictions to the bit, same bytes when saved again.
        const TrainedModel back = deserializeModel(bytes, "m.gbx");
        const Predictions got = back.model->predict(x, {});
        // Compared as bytes: bit-identical, NaN included.
        auto sameBits = [](const std::vector<double>& a, const std::vector<double>& b) {
            return a.size() == b.size() &&
                   (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
        };
        QVERIFY(sameBits(got.probabilities, expected.probabilities));
        QVERIFY(sameBits(got.values, expected.values));
        QVERIFY(serializeModel(back) == bytes);
        QCOMPARE(back.params.all(), original.params.all());
        QCOMPARE(back.classes, original.classes);
        QCOMPARE(back.schema.size(), original.schema.size());

        // Truncated anywhere (every length for small files, a sample for big ones).
        const std::size_t step = std::max<std::size_t>(1, bytes.size() / 2000);
        for (std::size_t n = 0; n < bytes.size(); n += step) {
            const std::span<const std::uint8_t> part(bytes.data(), n);
            QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(part, "m.gbx"));
        }
        // One flipped bit anywhere: the checksum (or the preamble checks) refuse it.
        Random random(11);
        for (int i = 0; i < 300; ++i) {
            std::vector<std::uint8_t> flipped = bytes;
            flipped[random.index(flipped.size())] ^= std::uint8_t(1u << random.index(8));
            QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(flipped, "m.gbx"));
        }
        // A newer format version.
        std::vector<std::uint8_t> future = bytes;
        future[8] = std::uint8_t(kModelFormatVersion + 1);
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(future, "m.gbx"));

        // Crafted payloads: damaged, checksum recomputed. Load and predict, or ModelFormatError.
        std::uint32_t headerBytes;
        std::memcpy(&headerBytes, bytes.data() + 12, 4);
        const std::size_t payloadStart = kPreamble + headerBytes;
        int rejected = 0;
        for (int i = 0; i < 400; ++i) {
            std::vector<std::uint8_t> crafted = bytes;
            const std::size_t at = payloadStart + random.index(crafted.size() - payloadStart);
            switch (i % 4) {
                case 0:  // a random byte
                    crafted[at] = static_cast<std::uint8_t>(random.next());
                    break;
                case 1:  // a huge count or index
                    for (std::size_t b = at; b < std::min(at + 8, crafted.size()); ++b)
                        crafted[b] = 0xff;
                    break;
                case 2:  // a NaN
                    for (std::size_t b = at; b < std::min(at + 8, crafted.size()); ++b)
                        crafted[b] = b + 2 >= at + 8 ? 0x7f : 0xff;
                    break;
                default:  // a small negative or zero
                    for (std::size_t b = at; b < std::min(at + 4, crafted.size()); ++b)
                        crafted[b] = (b == at) ? 0xfe : 0xff;
                    break;
            }
            reseal(crafted);
            try {
                const TrainedModel m = deserializeModel(crafted, "crafted.gbx");
                const Predictions p = m.model->predict(x, {});
                QCOMPARE(p.rows, x.rows());
            } catch (const ModelFormatError&) {
                ++rejected;
            }
        }
        qInfo("%s: %d of 400 crafted payloads rejected, the rest loaded and predicted",
              std::string(learner.name()).c_str(), rejected);
        QVERIFY(rejected > 0);

        // A header that names another learner or the wrong number of classes.
        std::string header(reinterpret_cast<const char*>(bytes.data()) + kPreamble, headerBytes);
        const std::vector<std::uint8_t> payload(bytes.begin() + payloadStart, bytes.end());
        auto withHeader = [&](const std::string& h) {
            std::vector<std::uint8_t> out(kPreamble + h.size() + payload.size());
            std::memcpy(out.data(), bytes.data(), kPreamble);
            const auto size = static_cast<std::uint32_t>(h.size());
            std::memcpy(out.data() + 12, &size, 4);
            std::memcpy(out.data() + kPreamble, h.data(), h.size());
            std::memcpy(out.data() + kPreamble + h.size(), payload.data(), payload.size());
            reseal(out);
            return out;
        };
        std::string renamed = header;
        renamed.replace(renamed.find(original.learner), original.learner.size(), "svm");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(withHeader(renamed), "m.gbx"));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(withHeader("[1,2]"), "m.gbx"));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, deserializeModel(withHeader("{"), "m.gbx"));
        if (original.task == TaskKind::Classification) {
            std::string moreClasses = header;
            const std::string classes = "\"classes\":[\"bad\",\"good\"]";
            QVERIFY(moreClasses.find(classes) != std::string::npos);
            moreClasses.replace(moreClasses.find(classes), classes.size(),
                                "\"classes\":[\"bad\",\"good\",\"ugly\"]");
            QVERIFY_THROWS_EXCEPTION(ModelFormatError,
                                     deserializeModel(withHeader(moreClasses), "m.gbx"));
        }
    }
};

QTEST_APPLESS_MAIN(ModelFileTest)
#include "test_model_file.moc"

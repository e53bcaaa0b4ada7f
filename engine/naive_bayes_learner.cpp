// Naive Bayes: a Gaussian per class for numeric features, smoothed category frequencies per
// class for categorical ones, class priors; scored in log space. A missing value (or a
// category unseen at fit time) contributes nothing for its row, in fitting and predicting.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/parallel_for.h"

namespace glassbox {
namespace {

constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kRowBlock = 1024;

// One feature's per-class parameters. Numeric: `mean` and `variance` (classes); categorical:
// `logProbability` (classes x levels).
struct FeatureModel {
    bool categorical = false;
    std::size_t levels = 0;
    std::vector<double> mean;
    std::vector<double> variance;
    std::vector<double> logProbability;
    // Numeric, derived: -log(2 pi variance) / 2 and 1 / (2 variance) per class.
    std::vector<double> logNorm;
    std::vector<double> halfPrecision;

    void derive() {
        logNorm.resize(variance.size());
        halfPrecision.resize(variance.size());
        for (std::size_t c = 0; c < variance.size(); ++c) {
            logNorm[c] = -0.5 * std::log(2.0 * std::numbers::pi * variance[c]);
            halfPrecision[c] = 0.5 / variance[c];
        }
    }
};

class NaiveBayesModel final : public Model {
  public:
    NaiveBayesModel(std::vector<double> priors, std::vector<FeatureModel> features, double epsilon,
                    unsigned threads)
        : priors_(std::move(priors)),
          features_(std::move(features)),
          epsilon_(epsilon),
          threads_(std::max(1u, threads)) {
        for (double p : priors_) logPriors_.push_back(std::log(p));
        for (FeatureModel& f : features_)
            if (!f.categorical) f.derive();
    }

    Predictions predict(const FeatureMatrix& x, const TaskContext& task) const override {
        const std::size_t rows = x.rows();
        const std::size_t classes = priors_.size();
        Predictions out;
        out.task = TaskKind::Classification;
        out.rows = rows;
        out.classCount = classes;
        out.probabilities.assign(rows * classes, 0.0);
        const std::size_t blocks = (rows + kRowBlock - 1) / kRowBlock;
        parallelFor(blocks, threads_, [&](std::size_t block, bool onCaller) {
            task.checkCancelled();
            const std::size_t first = block * kRowBlock;
            const std::size_t last = std::min(rows, first + kRowBlock);
            double* jll = out.probabilities.data() + first * classes;
            for (std::size_t r = first; r < last; ++r)
                std::copy(logPriors_.begin(), logPriors_.end(), jll + (r - first) * classes);
            addLikelihoods(x, first, last, jll);
            for (std::size_t r = first; r < last; ++r) normalize(jll + (r - first) * classes);
            if (onCaller)
                task.report(static_cast<double>(last) / rows,
                            "row " + std::to_string(last) + " of " + std::to_string(rows));
            return true;
        });
        return out;
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint32_t>(kFormatVersion);
        out.putVector(priors_);
        out.put(epsilon_);
        for (const FeatureModel& f : features_) {
            out.put<std::uint8_t>(f.categorical ? 1 : 0);
            if (f.categorical) {
                out.put<std::uint64_t>(f.levels);
                out.putVector(f.logProbability);
            } else {
                out.putVector(f.mean);
                out.putVector(f.variance);
            }
        }
    }

    std::vector<std::pair<std::string, double>> fitSummary() const override {
        return {{"var_epsilon", epsilon_}};
    }

  private:
    // Adds each feature's log-likelihood to the joint log-likelihoods of rows [first, last)
    // (row-major, classes wide), feature by feature, so every row sums in the same order.
    void addLikelihoods(const FeatureMatrix& x, std::size_t first, std::size_t last,
                        double* jll) const {
        const std::size_t classes = priors_.size();
        for (std::size_t f = 0; f < features_.size(); ++f) {
            const FeatureModel& m = features_[f];
            if (m.categorical) {
                const auto codes = x.codes(f);
                for (std::size_t r = first; r < last; ++r) {
                    const std::int32_t code = codes[r];
                    if (code < 0 || static_cast<std::size_t>(code) >= m.levels) continue;
                    double* row = jll + (r - first) * classes;
                    for (std::size_t c = 0; c < classes; ++c)
                        row[c] += m.logProbability[c * m.levels + code];
                }
                continue;
            }
            const auto values = x.values(f);
            for (std::size_t r = first; r < last; ++r) {
                const double v = values[r];
                if (!std::isfinite(v)) continue;
                double* row = jll + (r - first) * classes;
                for (std::size_t c = 0; c < classes; ++c) {
                    const double d = v - m.mean[c];
                    row[c] += m.logNorm[c] - d * d * m.halfPrecision[c];
                }
            }
        }
    }

    // Joint log-likelihoods to probabilities (log-sum-exp). When every class underflows to
    // -inf (a value astronomically far from every mean), the priors decide.
    void normalize(double* p) const {
        const std::size_t classes = priors_.size();
        double top = *std::max_element(p, p + classes);
        if (!std::isfinite(top)) {
            std::copy(logPriors_.begin(), logPriors_.end(), p);
            top = *std::max_element(p, p + classes);
        }
        double sum = 0;
        for (std::size_t c = 0; c < classes; ++c) sum += (p[c] = std::exp(p[c] - top));
        for (std::size_t c = 0; c < classes; ++c) p[c] /= sum;
    }

    std::vector<double> priors_;
    std::vector<double> logPriors_;
    std::vector<FeatureModel> features_;
    double epsilon_;
    unsigned threads_;
};

class NaiveBayesLearner final : public Learner {
  public:
    std::string_view name() const override { return "naive_bayes"; }
    std::string_view description() const override {
        return "Naive Bayes: Gaussian numeric features, smoothed category counts, class priors";
    }
    const ParamSpecs& params() const override {
        static const ParamSpecs specs = {
            {.name = "var_smoothing",
             .type = ParamType::Real,
             .defaultValue = "1e-9",
             .min = 0,
             .max = 1,
             .minExclusive = true,
             .choices = {},
             .help = "Added to every Gaussian variance, as a fraction of the largest numeric "
                     "feature variance"},
            {.name = "alpha",
             .type = ParamType::Real,
             .defaultValue = "1",
             .min = 1e-10,
             .max = 1e6,
             .choices = {},
             .help = "Additive smoothing of category counts (1: Laplace)"},
            {.name = "class_weight",
             .type = ParamType::Choice,
             .defaultValue = "none",
             .choices = {"none", "balanced"},
             .help = "Class priors: none uses class frequencies, balanced makes them equal"},
        };
        return specs;
    }
    bool supports(TaskKind task) const override { return task == TaskKind::Classification; }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override {
        if (data.task != TaskKind::Classification)
            throw InvalidArgument("--task", "naive_bayes supports classification only");
        const double varSmoothing = params.real("var_smoothing");
        const double alpha = params.real("alpha");
        const bool balanced = params.text("class_weight") == "balanced";
        const FeatureMatrix& x = data.features;
        const std::size_t rows = data.rows();
        const std::size_t classes = data.classCount();
        const std::span<const std::int32_t> labels = data.labels;

        std::vector<double> classRows(classes, 0.0);
        for (std::int32_t label : labels) classRows[label] += 1.0;
        std::size_t present = 0;
        for (double n : classRows) present += n > 0;
        std::vector<double> priors(classes, 0.0);
        for (std::size_t c = 0; c < classes; ++c)
            if (classRows[c] > 0)
                priors[c] = balanced ? 1.0 / static_cast<double>(present)
                                     : classRows[c] / static_cast<double>(rows);

        // Per numeric feature, the moments of each class and (last) of all rows.
        std::vector<std::vector<Moments>> moments(x.featureCount());
        double largest = 0;
        for (std::size_t f = 0; f < x.featureCount(); ++f) {
            task.report(
                0.5 * static_cast<double>(f) / static_cast<double>(x.featureCount()),
                "feature " + std::to_string(f + 1) + " of " + std::to_string(x.featureCount()));
            if (x.isCategorical(f)) continue;
            moments[f] = momentsByClass(x.values(f), labels, classes);
            largest = std::max(largest, moments[f].back().variance);
        }
        // scikit-learn's epsilon: var_smoothing times the largest feature variance.
        const double epsilon = varSmoothing * (largest > 0 ? largest : 1.0);

        std::vector<FeatureModel> features(x.featureCount());
        for (std::size_t f = 0; f < x.featureCount(); ++f) {
            task.report(
                0.5 + 0.5 * static_cast<double>(f) / static_cast<double>(x.featureCount()),
                "feature " + std::to_string(f + 1) + " of " + std::to_string(x.featureCount()));
            FeatureModel& m = features[f];
            if (x.isCategorical(f)) {
                m.categorical = true;
                m.levels = x.levelCount(f);
                m.logProbability =
                    categoryLogProbabilities(x.codes(f), labels, classes, m.levels, alpha);
                continue;
            }
            m.mean.resize(classes);
            m.variance.resize(classes);
            const Moments& all = moments[f].back();
            for (std::size_t c = 0; c < classes; ++c) {
                // A class without values for this feature gets the overall distribution (mean
                // 0 and variance 1 when the feature has no values at all).
                const Moments& mc = moments[f][c].count > 0 ? moments[f][c] : all;
                m.mean[c] = mc.count > 0 ? mc.mean : 0.0;
                m.variance[c] = std::max((mc.count > 0 ? mc.variance : 1.0) + epsilon,
                                         std::numeric_limits<double>::min());
                if (!std::isfinite(m.mean[c]) || !std::isfinite(m.variance[c])) {
                    m.mean[c] = 0.0;  // values near the double limit: the feature is ignored
                    m.variance[c] = 1.0;
                }
            }
        }
        task.report(1.0, "done");
        return std::make_unique<NaiveBayesModel>(std::move(priors), std::move(features), epsilon,
                                                 options.threads);
    }

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        in.require(task == TaskKind::Classification, "a naive Bayes model must classify");
        in.require(in.get<std::uint32_t>() == kFormatVersion, "unknown naive Bayes model version");
        std::vector<double> priors = in.getVector<double>();
        in.require(priors.size() == classCount && classCount > 0,
                   "the naive Bayes priors do not match the classes");
        double total = 0;
        for (double p : priors) {
            in.require(std::isfinite(p) && p >= 0 && p <= 1, "a naive Bayes prior is invalid");
            total += p;
        }
        in.require(total > 0, "the naive Bayes priors are all zero");
        const double epsilon = in.get<double>();
        in.require(std::isfinite(epsilon) && epsilon >= 0, "the naive Bayes epsilon is invalid");
        std::vector<FeatureModel> features(schema.size());
        for (std::size_t f = 0; f < schema.size(); ++f) {
            FeatureModel& m = features[f];
            m.categorical = in.get<std::uint8_t>() != 0;
            in.require(m.categorical == schema.features[f].isCategorical(),
                       "a naive Bayes feature does not match the schema");
            if (m.categorical) {
                m.levels = in.get<std::uint64_t>();
                in.require(m.levels == schema.features[f].levels.size(),
                           "a naive Bayes feature has the wrong number of categories");
                m.logProbability = in.getVector<double>();
                in.require(m.logProbability.size() == classCount * m.levels,
                           "a naive Bayes category table has the wrong size");
                for (double v : m.logProbability)
                    in.require(std::isfinite(v) && v <= 0,
                               "a naive Bayes category probability is invalid");
            } else {
                m.mean = in.getVector<double>();
                m.variance = in.getVector<double>();
                in.require(m.mean.size() == classCount && m.variance.size() == classCount,
                           "a naive Bayes numeric feature has the wrong size");
                for (std::size_t c = 0; c < classCount; ++c)
                    in.require(std::isfinite(m.mean[c]) && std::isfinite(m.variance[c]) &&
                                   m.variance[c] >= std::numeric_limits<double>::min(),
                               "a naive Bayes Gaussian is invalid");
            }
        }
        return std::make_unique<NaiveBayesModel>(std::move(priors), std::move(features), epsilon,
                                                 std::thread::hardware_concurrency());
    }

  private:
    struct Moments {
        std::size_t count = 0;
        double mean = 0;
        double variance = 0;  // population variance
    };

    // The moments of the finite values of each class's rows, and last those of all rows.
    static std::vector<Moments> momentsByClass(std::span<const double> values,
                                               std::span<const std::int32_t> labels,
                                               std::size_t classes) {
        std::vector<Moments> m(classes + 1);
        std::vector<double> sums(classes + 1, 0.0), squares(classes + 1, 0.0);
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (!std::isfinite(values[r])) continue;
            ++m[labels[r]].count;
            ++m[classes].count;
            sums[labels[r]] += values[r];
            sums[classes] += values[r];
        }
        for (std::size_t c = 0; c <= classes; ++c)
            if (m[c].count > 0) m[c].mean = sums[c] / static_cast<double>(m[c].count);
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (!std::isfinite(values[r])) continue;
            const double d = values[r] - m[labels[r]].mean;
            const double e = values[r] - m[classes].mean;
            squares[labels[r]] += d * d;
            squares[classes] += e * e;
        }
        for (std::size_t c = 0; c <= classes; ++c)
            if (m[c].count > 0) m[c].variance = squares[c] / static_cast<double>(m[c].count);
        return m;
    }

    // log((count + alpha) / (classCount + alpha * levels)) per class and level, counting the
    // class's rows with a known category.
    static std::vector<double> categoryLogProbabilities(std::span<const std::int32_t> codes,
                                                        std::span<const std::int32_t> labels,
                                                        std::size_t classes, std::size_t levels,
                                                        double alpha) {
        std::vector<double> counts(classes * levels, 0.0);
        std::vector<double> known(classes, 0.0);
        for (std::size_t r = 0; r < codes.size(); ++r) {
            if (codes[r] < 0 || static_cast<std::size_t>(codes[r]) >= levels) continue;
            counts[labels[r] * levels + codes[r]] += 1.0;
            known[labels[r]] += 1.0;
        }
        for (std::size_t c = 0; c < classes; ++c)
            for (std::size_t l = 0; l < levels; ++l) {
                double& v = counts[c * levels + l];
                v = std::log((v + alpha) / (known[c] + alpha * static_cast<double>(levels)));
            }
        return counts;
    }
};

}  // namespace

const Learner& naiveBayesLearner() {
    static const NaiveBayesLearner learner;
    return learner;
}

}  // namespace glassbox

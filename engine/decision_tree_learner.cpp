#include <memory>

#include "engine/cart_model.h"
#include "engine/feature_bins.h"

namespace glassbox {
namespace {

class DecisionTreeLearner final : public Learner {
  public:
    std::string_view name() const override { return "decision_tree"; }
    std::string_view description() const override {
        return "CART decision tree with native categorical splits and missing values, "
               "cost-complexity pruning";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool supports(TaskKind) const override { return true; }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override {
        checkTrainingData(data);
        const CartSettings settings = cartSettingsFrom(params, data);
        const CartSample sample = fullSample(params, data);
        const FeatureBins bins =
            FeatureBins::fit(data.features, static_cast<int>(params.integer("max_bins")),
                             options.threads, task.sub(0.0, 0.1));
        const TaskContext growing = task.sub(0.1, 1.0);
        const CartProgress progress = [&](double fraction) {
            growing.report(fraction, "growing the tree");
        };
        std::vector<FlatTree> trees;
        trees.push_back(growCart(bins, data.labels, data.targets, sample, settings, options.seed, 0,
                                 options.threads, progress));
        task.report(1.0, "growing the tree");
        return std::make_unique<AveragedTreesModel>(data.features.schema(), data.task,
                                                    data.classCount(), std::move(trees), false,
                                                    std::nullopt);
    }

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        return AveragedTreesModel::load(in, schema, task, classCount, false);
    }

  private:
    ParamSpecs specs_ = cartParamSpecs(false);
};

}  // namespace

const Learner& decisionTreeLearner() {
    static const DecisionTreeLearner learner;
    return learner;
}

}  // namespace glassbox

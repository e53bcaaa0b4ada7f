// TreeSHAP of a boosted model: the Glassbox side of bench/shap.sh. Fits gradient_boosting on
// all but the last EXPLAIN rows of a CSV, then times explainShap over the last EXPLAIN rows (best
// of three). Prints one JSON line: fit and SHAP seconds, the model's shape (trees, mean leaves,
// mean leaf depth) and the largest additivity error.
//   bench_shap FILE TARGET THREADS EXPLAIN [KEY=VALUE ...]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <map>
#include <numeric>
#include <string>

#include "engine/dataset.h"
#include "engine/flat_tree.h"
#include "engine/model_file.h"
#include "engine/param_spec.h"
#include "engine/shap.h"
#include "engine/table_reader.h"

using namespace glassbox;

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_shap FILE TARGET THREADS EXPLAIN [KEY=VALUE ...]\n");
        return 2;
    }
    try {
        const unsigned threads = static_cast<unsigned>(std::atoi(argv[3]));
        const std::size_t explain = static_cast<std::size_t>(std::atoll(argv[4]));
        std::map<std::string, std::string> given;
        for (int i = 5; i < argc; ++i) given.insert(splitParamAssignment(argv[i]));
        const Learner& learner = learnerNamed("gradient_boosting");

        ReadOptions options;
        options.threads = threads;
        const LoadedTable loaded = readTable(argv[1], options, {});
        const Dataset data = makeDataset(loaded.table, argv[2], std::nullopt).dataset;
        const std::size_t trainRows = data.rows() - std::min(explain, data.rows());
        std::vector<std::size_t> train(trainRows), rows(data.rows() - trainRows);
        std::iota(train.begin(), train.end(), 0);
        std::iota(rows.begin(), rows.end(), trainRows);

        TrainedModel trained;
        trained.learner = "gradient_boosting";
        trained.params = ParamValues::resolve(learner.params(), given);
        trained.task = data.task;
        trained.target = data.target;
        trained.classes = data.classes;
        trained.schema = data.features.schema();

        using Clock = std::chrono::steady_clock;
        const auto fitStart = Clock::now();
        trained.model = learner.fit(data.subset(train), trained.params, FitOptions{0, threads}, {});
        const double fitSeconds = std::chrono::duration<double>(Clock::now() - fitStart).count();

        ShapOptions shapOptions;
        shapOptions.threads = threads;
        // Best of three.
        ShapValues shap;
        double shapSeconds = 0.0, cpuSeconds = 0.0;
        for (int run = 0; run < 3; ++run) {
            const auto shapStart = Clock::now();
            const std::clock_t cpuStart = std::clock();
            shap = explainShap(trained, data.features, rows, data.features, shapOptions, {});
            const double seconds = std::chrono::duration<double>(Clock::now() - shapStart).count();
            const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
            shapSeconds = run == 0 ? seconds : std::min(shapSeconds, seconds);
            cpuSeconds = run == 0 ? cpu : std::min(cpuSeconds, cpu);
        }

        double worst = 0.0;
        for (std::size_t r = 0; r < shap.rows; ++r)
            for (std::size_t o = 0; o < shap.outputs; ++o) {
                double sum = shap.base[o];
                for (std::size_t f = 0; f < shap.features; ++f) sum += shap.at(r, o, f);
                worst = std::max(worst, std::fabs(sum - shap.prediction[r * shap.outputs + o]));
            }
        const auto trees = trained.model->trees();
        double leaves = 0, depthSum = 0;
        for (const FlatTree& t : trees) {
            std::vector<std::size_t> depth(t.nodeCount(), 0);
            for (std::size_t n = 0; n < t.nodeCount(); ++n) {
                if (t.isLeaf(n)) {
                    leaves += 1;
                    depthSum += static_cast<double>(depth[n]);
                } else {
                    depth[t.left[n]] = depth[t.right[n]] = depth[n] + 1;
                }
            }
        }
        std::printf(
            "{\"tool\": \"glassbox\", \"fit_seconds\": %.3f, \"shap_seconds\": %.3f, "
            "\"shap_cpu_seconds\": %.3f, "
            "\"rows\": %zu, \"trees\": %zu, \"mean_leaves\": %.2f, \"mean_leaf_depth\": %.2f, "
            "\"max_additivity_error\": %.3g}\n",
            fitSeconds, shapSeconds, cpuSeconds, shap.rows, trees.size(), leaves / trees.size(),
            depthSum / leaves, worst);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_shap: %s\n", e.what());
        return 1;
    }
}

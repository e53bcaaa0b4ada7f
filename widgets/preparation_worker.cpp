#include "widgets/preparation_worker.h"

#include <algorithm>
#include <utility>

#include "engine/errors.h"
#include "widgets/guarded_call.h"
#include "widgets/progress_throttle.h"

namespace glassbox::gui {

PreparationWorker::PreparationWorker(QObject* parent) : QObject(parent) {
    registerPreparationMetaTypes();
}

TaskContext PreparationWorker::taskFor(int id, const CancelHandle& cancel) {
    auto throttle = std::make_shared<ProgressThrottle>();
    return TaskContext(
        [this, id, throttle](double fraction, std::string_view) {
            if (throttle->admit()) emit progress(id, fraction);
        },
        cancel.get());
}

void PreparationWorker::preview(int id, const PreparationRequest& request,
                                const CancelHandle& cancel) {
    int running = -1;
    guardedCall(
        [&] {
            if (!request.table) throw InvalidArgument("data", "no data table is open");
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            auto preview = std::make_shared<PreparationPreview>();
            preview->spec = request.spec;
            preview->target = request.target;
            preview->tables.push_back(request.table);
            running = request.spec.steps.empty() ? -1 : 0;
            PreparedTable prepared =
                fitPipeline(request.spec, *request.table, request.target, request.seed, task,
                            [&](std::size_t step, const Table& after) {
                                preview->tables.push_back(std::make_shared<const Table>(after));
                                running = step + 1 < request.spec.steps.size() ? int(step) + 1 : -1;
                            });
            running = -1;
            auto loaded = std::make_shared<LoadedTable>();
            loaded->table = std::move(prepared.table);
            preview->report = std::move(prepared.report);
            preview->prepared = loaded;
            // The prepared table stands for the last step's copy (no second copy kept).
            if (preview->tables.size() > 1)
                preview->tables.back() = std::shared_ptr<const Table>(loaded, &loaded->table);
            else
                preview->tables.push_back(std::shared_ptr<const Table>(loaded, &loaded->table));
            const std::size_t steps =
                std::min(preview->report.steps.size(), preview->tables.size() - 1);
            for (std::size_t i = 0; i < steps; ++i) {
                const Table& before = *preview->tables[i];
                const Table& after = *preview->tables[i + 1];
                preview->steps.push_back(StepPreview{
                    .report = preview->report.steps[i],
                    .rowsBefore = before.rowCount(),
                    .rowsAfter = after.rowCount(),
                    .columnsBefore = before.columnCount(),
                    .columnsAfter = after.columnCount(),
                    .missingBefore = missingCells(before),
                    .missingAfter = missingCells(after),
                });
            }
            emit previewReady(id, std::move(preview));
        },
        [&] { emit cancelled(id); },
        [&](const QString& message) { emit failed(id, message, running); });
}

void PreparationWorker::distribution(int id, const PreparationPreviewPtr& preview, std::size_t step,
                                     const std::string& column, const CancelHandle& cancel) {
    guardedCall(
        [&] {
            if (!preview || preview->tables.empty())
                throw InvalidArgument("preview", "nothing is previewed");
            taskFor(id, cancel).checkCancelled();
            emit distributionReady(
                id, std::make_shared<const DistributionComparison>(compareDistributions(
                        *preview->before(step), *preview->after(step), column)));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message, -1); });
}

}  // namespace glassbox::gui

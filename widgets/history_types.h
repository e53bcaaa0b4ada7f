#pragma once

#include <QMetaType>
#include <memory>
#include <string>
#include <vector>

#include "engine/model_version.h"

namespace glassbox::gui {

// One version with what the details pane shows besides it.
struct VersionDetails {
    ModelVersion version;
    std::vector<Evaluation> evaluations;
    // The parent chain, nearest first (the parent, its parent, ...).
    std::vector<ModelVersion> lineage;
};

// One metric over the versions of a target (and dataset), oldest first.
struct MetricSeries {
    std::string metric;
    std::string target;
    std::string datasetSha256;  // empty: every dataset
    std::vector<MetricPoint> points;
};

using VersionList = std::vector<ModelVersion>;

// Registers the types below for queued connections. Safe to call more than once.
void registerHistoryMetaTypes();

}  // namespace glassbox::gui

// History answers travel from the history thread as shared pointers to immutable objects.
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::gui::VersionList>)
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::gui::VersionDetails>)
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::VersionComparison>)
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::gui::MetricSeries>)

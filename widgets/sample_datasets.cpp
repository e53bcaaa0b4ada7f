#include "widgets/sample_datasets.h"

#include <QFile>

#include "widgets/resources.h"

namespace glassbox::gui {

const QList<SampleDataset>& SampleDatasets::all() {
    static const QList<SampleDataset> samples = {
        {QStringLiteral("iris"), QStringLiteral("iris.csv")},
        {QStringLiteral("wine"), QStringLiteral("wine.csv")},
        {QStringLiteral("breast_cancer"), QStringLiteral("breast_cancer.csv")},
        {QStringLiteral("diabetes"), QStringLiteral("diabetes.arff")},
        {QStringLiteral("weather.nominal"), QStringLiteral("weather.nominal.arff")},
    };
    return samples;
}

const SampleDataset* SampleDatasets::find(const QString& name) {
    for (const SampleDataset& sample : all())
        if (sample.name == name || sample.fileName == name) return &sample;
    return nullptr;
}

QString SampleDatasets::description(const SampleDataset& sample) {
    if (sample.name == QLatin1String("iris")) return tr("Iris flowers (classification)");
    if (sample.name == QLatin1String("wine")) return tr("Wine cultivars (classification)");
    if (sample.name == QLatin1String("breast_cancer"))
        return tr("Breast cancer, Wisconsin (classification)");
    if (sample.name == QLatin1String("diabetes"))
        return tr("Pima Indians diabetes (classification)");
    if (sample.name == QLatin1String("weather.nominal"))
        return tr("Weather, nominal (classification)");
    return {};
}

QByteArray SampleDatasets::bytes(const SampleDataset& sample) {
    initResources();
    QFile file(QStringLiteral(":/samples/") + sample.fileName);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

}  // namespace glassbox::gui

#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace glassbox::gui {

// The datasets embedded in the application (resources/samples).
struct SampleDataset {
    QString name;      // "iris": what --sample takes
    QString fileName;  // "iris.csv": gives the format
};

class SampleDatasets {
    Q_DECLARE_TR_FUNCTIONS(SampleDatasets)

  public:
    static const QList<SampleDataset>& all();
    // Null when there is no sample of that name.
    static const SampleDataset* find(const QString& name);
    // Translated one-line description ("Iris flowers").
    static QString description(const SampleDataset& sample);
    static QByteArray bytes(const SampleDataset& sample);
};

}  // namespace glassbox::gui

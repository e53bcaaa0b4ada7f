#include "widgets/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace glassbox::gui {
namespace {

const QString kKey = QStringLiteral("recentFiles");

}  // namespace

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
    files_ = QSettings().value(kKey).toStringList();
    files_.removeAll(QString());
    files_.removeDuplicates();
    while (files_.size() > kMaxCount) files_.removeLast();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files_.removeAll(absolute);
    files_.prepend(absolute);
    while (files_.size() > kMaxCount) files_.removeLast();
    save();
}

void RecentFiles::clear() {
    files_.clear();
    save();
}

void RecentFiles::save() {
    QSettings().setValue(kKey, files_);
    emit changed();
}

}  // namespace glassbox::gui

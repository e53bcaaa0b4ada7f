#pragma once

#include <QObject>
#include <QStringList>

namespace glassbox::gui {

// The most recently opened files, newest first, kept in QSettings ("recentFiles") so that
// every window and every later run sees them.
class RecentFiles : public QObject {
    Q_OBJECT

  public:
    static constexpr int kMaxCount = 10;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const { return files_; }
    // Moves path (made absolute) to the front.
    void add(const QString& path);
    void clear();

  signals:
    void changed();

  private:
    void save();

    QStringList files_;
};

}  // namespace glassbox::gui

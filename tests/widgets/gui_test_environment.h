#pragma once

// What the main-window scenario tests share: settings and the model history kept in a
// temporary folder (never the user's), English, and screenshots saved on request.
#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

namespace glassbox::gui::test {

inline void useTemporaryEnvironment(const QTemporaryDir& dir) {
    QCoreApplication::setOrganizationName("Glassbox");
    QCoreApplication::setApplicationName("Glassbox");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath("settings"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath("settings"));
    QSettings().setValue("language", "en");
    qputenv("XDG_DATA_HOME", dir.filePath("data").toLocal8Bit());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

// Saves `widget` as NAME.png in $GLASSBOX_SCREENSHOT_DIR when it is set (scripts/screenshots.sh).
inline bool saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (dir.isEmpty()) return true;
    QCoreApplication::processEvents();
    return widget.grab().save(dir + "/" + name + ".png");
}

}  // namespace glassbox::gui::test

#include "widgets/language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace glassbox::gui {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager() {
    removeTranslators();
}

QStringList LanguageManager::availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString& language) {
    if (language == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString LanguageManager::systemLanguage() {
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese) return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

void LanguageManager::removeTranslators() {
    if (appInstalled_) QCoreApplication::removeTranslator(&appTranslator_);
    if (qtInstalled_) QCoreApplication::removeTranslator(&qtTranslator_);
    appInstalled_ = qtInstalled_ = false;
}

bool LanguageManager::setLanguage(const QString& language) {
    if (!availableLanguages().contains(language)) return false;
    removeTranslators();
    language_ = language;
    QLocale::setDefault(QLocale(language));
    // English holds the plural forms of the English texts.
    if (appTranslator_.load(QStringLiteral(":/i18n/glassbox_%1.qm").arg(language)))
        appInstalled_ = QCoreApplication::installTranslator(&appTranslator_);
    if (language != QLatin1String("en") &&
        qtTranslator_.load(QStringLiteral("qtbase_%1").arg(language),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qtInstalled_ = QCoreApplication::installTranslator(&qtTranslator_);
    if (!appInstalled_ && !qtInstalled_) {
        // Nothing was installed, so nothing announced the change: widgets must still
        // re-read their texts (back to the source texts).
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
    return true;
}

}  // namespace glassbox::gui

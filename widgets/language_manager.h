#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace glassbox::gui {

// Installs the translators of one user-interface language: Glassbox's own (embedded under
// :/i18n) and Qt's (qtbase_*.qm from Qt's translations folder, for the standard dialogs)
// when it is there. Installing sends QEvent::LanguageChange to every widget.
class LanguageManager : public QObject {
    Q_OBJECT

  public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // "en", "zh_CN".
    static QStringList availableLanguages();
    // The language's own name ("English", "简体中文"): shown untranslated in the menu.
    static QString nativeName(const QString& language);
    // The available language closest to the system locale; English when none matches.
    static QString systemLanguage();

    // Returns false (and changes nothing) for an unknown language.
    bool setLanguage(const QString& language);
    QString language() const { return language_; }

  private:
    void removeTranslators();

    QString language_;
    QTranslator appTranslator_;
    QTranslator qtTranslator_;
    bool appInstalled_ = false;
    bool qtInstalled_ = false;
};

}  // namespace glassbox::gui

// The Glassbox desktop application: the main window plus its command line.
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QImage>
#include <QTimer>
#include <cstdio>

#include "widgets/language_manager.h"
#include "widgets/main_window.h"
#include "widgets/resources.h"
#include "widgets/sample_datasets.h"

namespace {

// Writes the window to path once it shows the loaded table and the first column's
// statistics, then quits (exit code 1 when loading failed or the image was not written).
void takeScreenshotWhenReady(glassbox::gui::MainWindow& window, const QString& path, bool hasData) {
    const auto grab = [&window, path] {
        // One more turn of the event loop lets pending layouts settle before the grab.
        QTimer::singleShot(200, &window, [&window, path] {
            const bool saved = window.grab().save(path, "PNG");
            if (!saved)
                std::fprintf(
                    stderr, "%s\n",
                    qPrintable(
                        QCoreApplication::translate("main", "Could not write %1").arg(path)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    if (!hasData) {
        grab();
        return;
    }
    QObject::connect(
        &window, &glassbox::gui::MainWindow::columnStatsShown, &window, [grab](int) { grab(); },
        Qt::SingleShotConnection);
    QObject::connect(&window, &glassbox::gui::MainWindow::loadFailed, &window,
                     [](const QString& message) {
                         std::fprintf(stderr, "%s\n", qPrintable(message));
                         QCoreApplication::exit(1);
                     });
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Glassbox"));
    QApplication::setApplicationName(QStringLiteral("Glassbox"));
    QApplication::setApplicationVersion(glassbox::gui::applicationVersion());

    // The window installs the user's language first, so the help text below is translated.
    glassbox::gui::MainWindow window;

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Glassbox: look into tabular data and the models trained on it."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("main", "A CSV, TSV, ARFF or SQLite file to open."),
        QStringLiteral("[file]"));
    const QCommandLineOption sampleOption(
        QStringLiteral("sample"),
        QCoreApplication::translate("main", "Open an embedded sample dataset (%1).")
            .arg(QStringList{[] {
                     QStringList names;
                     for (const auto& sample : glassbox::gui::SampleDatasets::all())
                         names << sample.name;
                     return names;
                 }()}
                     .join(QStringLiteral(", "))),
        QStringLiteral("name"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main",
            "Save a picture of the window to this PNG file once the data is shown, "
            "then quit."),
        QStringLiteral("png"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "User-interface language for this run (%1).")
            .arg(glassbox::gui::LanguageManager::availableLanguages().join(QStringLiteral(", "))),
        QStringLiteral("code"));
    parser.addOptions({sampleOption, screenshotOption, languageOption});

    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("glassbox %s\n", qPrintable(QApplication::applicationVersion()));
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1 || (files.size() == 1 && parser.isSet(sampleOption))) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "main", "Give at most one file or one --sample.")));
        return 2;
    }
    if (parser.isSet(languageOption)) {
        const QString language = parser.value(languageOption);
        if (!glassbox::gui::LanguageManager::availableLanguages().contains(language)) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(
                    QCoreApplication::translate("main", "Unknown language: %1").arg(language)));
            return 2;
        }
        window.setLanguage(language, false);
    }

    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot) window.resize(1440, 900);
    window.show();

    bool hasData = false;
    if (parser.isSet(sampleOption)) {
        if (!window.openSample(parser.value(sampleOption))) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "No sample named %1.")
                                        .arg(parser.value(sampleOption))));
            return 2;
        }
        hasData = true;
    } else if (files.size() == 1) {
        window.openFile(files.first());
        hasData = true;
    }
    if (screenshot) takeScreenshotWhenReady(window, parser.value(screenshotOption), hasData);
    return QApplication::exec();
}

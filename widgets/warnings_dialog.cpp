#include "widgets/warnings_dialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace glassbox::gui {

WarningsDialog::WarningsDialog(QWidget* parent)
    : QDialog(parent), label_(new QLabel(this)), list_(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("warningsDialog"));
    list_->setColumnCount(2);
    list_->setRootIsDecorated(false);
    list_->setWordWrap(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(false);
    label_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label_);
    layout->addWidget(list_, 1);
    layout->addWidget(buttons);
    resize(560, 300);
    retranslate();
}

void WarningsDialog::setWarnings(const QString& source, const std::vector<Warning>& warnings) {
    source_ = source;
    list_->clear();
    for (const Warning& warning : warnings) {
        auto* item = new QTreeWidgetItem(list_);
        item->setText(0, QString::fromStdString(warning.message));
        item->setToolTip(0, item->text(0));
        if (warning.rows > 0)
            item->setText(1, QLocale().toString(static_cast<qulonglong>(warning.rows)));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    retranslate();
}

void WarningsDialog::retranslate() {
    setWindowTitle(tr("Warnings"));
    label_->setText(tr("Reading %1 gave these warnings:").arg(source_));
    list_->setHeaderLabels({tr("Warning"), tr("Rows")});
}

void WarningsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace glassbox::gui

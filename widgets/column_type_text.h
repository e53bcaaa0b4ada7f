#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QString>

#include "engine/column.h"

namespace glassbox::gui {

// How the GUI names and draws a column type.
class ColumnTypeText {
    Q_DECLARE_TR_FUNCTIONS(ColumnTypeText)

  public:
    // Translated ("numeric", "数值", ...).
    static QString name(ColumnType type);
    static QIcon icon(ColumnType type);
};

}  // namespace glassbox::gui

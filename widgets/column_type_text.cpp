#include "widgets/column_type_text.h"

#include "widgets/resources.h"

namespace glassbox::gui {

QString ColumnTypeText::name(ColumnType type) {
    switch (type) {
        case ColumnType::Numeric:
            return tr("numeric");
        case ColumnType::Categorical:
            return tr("categorical");
        case ColumnType::Boolean:
            return tr("boolean");
        case ColumnType::Text:
            return tr("text");
        case ColumnType::DateTime:
            return tr("date/time");
    }
    return {};
}

QIcon ColumnTypeText::icon(ColumnType type) {
    // Cached: the header asks for an icon on every repaint.
    static const QIcon icons[] = {
        gui::icon(QStringLiteral("type-numeric")), gui::icon(QStringLiteral("type-categorical")),
        gui::icon(QStringLiteral("type-boolean")), gui::icon(QStringLiteral("type-text")),
        gui::icon(QStringLiteral("type-datetime"))};
    return icons[static_cast<std::size_t>(type)];
}

}  // namespace glassbox::gui

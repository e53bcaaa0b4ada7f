// The lazy table model and the data grid: Qt's model rules, cell texts, missing marking,
// headers, and a million rows that open and scroll without measuring every row.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFont>
#include <QHeaderView>
#include <QScrollBar>
#include <QtTest>

#include "engine/table.h"
#include "engine/value_parsing.h"
#include "widgets/data_table_model.h"
#include "widgets/data_table_view.h"

using namespace glassbox;
using glassbox::gui::DataTableModel;

namespace {

ValidityMask maskWithMissing(std::size_t size, std::initializer_list<std::size_t> missing) {
    ValidityMask mask(size, true);
    for (std::size_t row : missing) mask.set(row, false);
    return mask;
}

Column textColumn(std::string name, const std::vector<std::string>& values, ValidityMask valid) {
    std::vector<std::uint64_t> offsets{0};
    std::string data;
    for (const std::string& value : values) {
        data += value;
        offsets.push_back(data.size());
    }
    return Column::text(std::move(name), std::move(offsets), std::move(data), std::move(valid));
}

// Four rows, one column of every type, each with a missing cell.
std::shared_ptr<const Table> everyTypeTable() {
    std::vector<Column> columns;
    columns.push_back(Column::numeric("x", {1.5, 0, -3, 1e20}, maskWithMissing(4, {1})));
    columns.push_back(Column::categorical("species", {0, 1, -1, 0}, {"setosa", "versicolor"},
                                          maskWithMissing(4, {2})));
    columns.push_back(Column::boolean("flag", {1, 0, 0, 1}, maskWithMissing(4, {3})));
    columns.push_back(textColumn("note", {"hello", "", "", "日本語"}, maskWithMissing(4, {2})));
    const double day = 86400;
    columns.push_back(Column::dateTime("when", {19723 * day, 0, 19724 * day + 3600, 0}, true,
                                       maskWithMissing(4, {1, 3})));
    return std::make_shared<const Table>(std::move(columns));
}

// Counts the cells and row headers a view asks for.
class CountingModel : public DataTableModel {
  public:
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override {
        ++dataCalls;
        return DataTableModel::data(index, role);
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override {
        if (orientation == Qt::Vertical) ++rowHeaderCalls;
        return DataTableModel::headerData(section, orientation, role);
    }
    mutable qint64 dataCalls = 0;
    mutable qint64 rowHeaderCalls = 0;
};

}  // namespace

class TestDataTableModel : public QObject {
    Q_OBJECT

  private slots:
    void passesModelTester();
    void cellText_data();
    void cellText();
    void missingCellsAreMarked();
    void alignment();
    void headers();
    void millionRowsScroll();
};

void TestDataTableModel::passesModelTester() {
    DataTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTable(everyTypeTable());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 5);
    model.retranslate();
    std::vector<Column> one;
    one.push_back(Column::numeric("only", {1, 2}, ValidityMask(2, true)));
    model.setTable(std::make_shared<const Table>(std::move(one)));
    QCOMPARE(model.columnCount(), 1);
    model.setTable(std::make_shared<const Table>());
    QCOMPARE(model.rowCount(), 0);
    model.setTable(nullptr);
    QCOMPARE(model.columnCount(), 0);
}

void TestDataTableModel::cellText_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("missing");

    QTest::newRow("numeric") << 0 << 0 << QString("1.5") << false;
    QTest::newRow("numeric missing") << 1 << 0 << QString("missing") << true;
    QTest::newRow("numeric negative") << 2 << 0 << QString("-3") << false;
    QTest::newRow("numeric large") << 3 << 0 << QString("1e+20") << false;
    QTest::newRow("categorical") << 1 << 1 << QString("versicolor") << false;
    QTest::newRow("categorical missing") << 2 << 1 << QString("missing") << true;
    QTest::newRow("boolean true") << 0 << 2 << QString("true") << false;
    QTest::newRow("boolean false") << 1 << 2 << QString("false") << false;
    QTest::newRow("boolean missing") << 3 << 2 << QString("missing") << true;
    QTest::newRow("text") << 0 << 3 << QString("hello") << false;
    QTest::newRow("text empty is not missing") << 1 << 3 << QString("") << false;
    QTest::newRow("text missing") << 2 << 3 << QString("missing") << true;
    QTest::newRow("text utf-8") << 3 << 3 << QString("日本語") << false;
    QTest::newRow("datetime") << 0 << 4 << QString("2024-01-01T00:00:00") << false;
    QTest::newRow("datetime missing") << 1 << 4 << QString("missing") << true;
    QTest::newRow("datetime with time") << 2 << 4 << QString("2024-01-02T01:00:00") << false;
}

void TestDataTableModel::cellText() {
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(bool, missing);
    DataTableModel model;
    model.setTable(everyTypeTable());
    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), text);
    QCOMPARE(index.data(DataTableModel::MissingRole).toBool(), missing);
}

void TestDataTableModel::missingCellsAreMarked() {
    DataTableModel model;
    model.setTable(everyTypeTable());
    const QModelIndex missing = model.index(1, 0);
    const QModelIndex present = model.index(0, 0);
    QVERIFY(missing.data(Qt::BackgroundRole).canConvert<QBrush>());
    QVERIFY(missing.data(Qt::ForegroundRole).canConvert<QBrush>());
    QVERIFY(missing.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!missing.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!present.data(Qt::BackgroundRole).isValid());
    QVERIFY(!present.data(Qt::ForegroundRole).isValid());
    QVERIFY(!present.data(Qt::FontRole).isValid());
    QVERIFY(missing.data(Qt::BackgroundRole).value<QBrush>().color() !=
            QApplication::palette().color(QPalette::Base));
}

void TestDataTableModel::alignment() {
    DataTableModel model;
    model.setTable(everyTypeTable());
    const auto horizontal = [&](int row, int column) {
        return Qt::Alignment(model.index(row, column).data(Qt::TextAlignmentRole).toInt()) &
               Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(horizontal(0, 0), Qt::AlignRight);
    QCOMPARE(horizontal(0, 1), Qt::AlignLeft);
    QCOMPARE(horizontal(0, 3), Qt::AlignLeft);
}

void TestDataTableModel::headers() {
    DataTableModel model;
    model.setTable(everyTypeTable());
    const QStringList names = {"x", "species", "flag", "note", "when"};
    const QStringList types = {"numeric", "categorical", "boolean", "text", "date/time"};
    for (int column = 0; column < names.size(); ++column) {
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), names[column]);
        QCOMPARE(
            model.headerData(column, Qt::Horizontal, DataTableModel::ColumnTypeRole).toString(),
            types[column]);
        QVERIFY(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(types[column]));
        QVERIFY(
            !model.headerData(column, Qt::Horizontal, Qt::DecorationRole).value<QIcon>().isNull());
    }
    QVERIFY(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString().contains("1"));
    for (int row = 0; row < 4; ++row)
        QCOMPARE(model.headerData(row, Qt::Vertical).toString(), QString::number(row + 1));
    QVERIFY(!model.headerData(5, Qt::Horizontal).isValid());
    QVERIFY(!model.headerData(4, Qt::Vertical).isValid());

    // The header is tall enough for the name and the type line.
    gui::DataTableView view;
    view.setModel(&model);
    view.resize(800, 300);
    view.show();
    const int oneLine = view.fontMetrics().height();
    QVERIFY2(view.horizontalHeader()->sizeHint().height() > 2 * oneLine - 2,
             qPrintable(QString::number(view.horizontalHeader()->sizeHint().height())));
    view.fitColumnWidths();
    QVERIFY(view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("versicolor"));

    // The header paints its text: both lines of a section hold dark pixels.
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView* header = view.horizontalHeader();
    const QImage image = header->grab().toImage();
    const int left = header->sectionViewportPosition(1);
    const auto darkPixels = [&](int top, int bottom) {
        int dark = 0;
        for (int y = top; y < bottom; ++y)
            for (int x = left; x < left + header->sectionSize(1); ++x)
                dark += QColor(image.pixel(x, y)).lightness() < 110;
        return dark;
    };
    QVERIFY(darkPixels(0, image.height() / 2) > 10);
    QVERIFY(darkPixels(image.height() / 2, image.height()) > 10);
}

void TestDataTableModel::millionRowsScroll() {
    const std::size_t rows = 1'000'000;
    std::vector<double> values(rows);
    for (std::size_t i = 0; i < rows; ++i) values[i] = static_cast<double>(i) * 0.25;
    std::vector<Column> columns;
    columns.push_back(Column::numeric("value", std::move(values), ValidityMask(rows, true)));
    std::vector<double> seconds(rows, 1.7e9);
    columns.push_back(
        Column::dateTime("when", std::move(seconds), false, ValidityMask(rows, true)));
    CountingModel model;
    gui::DataTableView view;
    view.setModel(&model);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    model.setTable(std::make_shared<const Table>(std::move(columns)));
    view.fitColumnWidths();
    QScrollBar* bar = view.verticalScrollBar();
    QVERIFY(bar->maximum() > 900'000);
    // Scroll through the table: each position formats only the rows on screen.
    for (int step = 0; step <= 50; ++step) {
        bar->setValue(static_cast<int>(static_cast<qint64>(bar->maximum()) * step / 50));
        view.viewport()->repaint();
        view.verticalHeader()->viewport()->repaint();
    }
    view.scrollToBottom();
    view.viewport()->repaint();
    const QModelIndex last = view.indexAt(QPoint(5, view.viewport()->height() - 5));
    QCOMPARE(last.row(), static_cast<int>(rows) - 1);
    QCOMPARE(model.headerData(last.row(), Qt::Vertical).toInt(), static_cast<int>(rows));
    // Nothing visited every row: a view that measured rows would ask millions of times.
    QVERIFY2(model.dataCalls < 100'000, qPrintable(QString::number(model.dataCalls)));
    QVERIFY2(model.rowHeaderCalls < 100'000, qPrintable(QString::number(model.rowHeaderCalls)));
}

QTEST_MAIN(TestDataTableModel)
#include "test_data_table_model.moc"

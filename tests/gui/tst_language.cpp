// The GUI speaks one language (issue 14): the main window with its menus and
// docks, the deploy dialog and the diff window, started in German and in
// English on the SQLite demo database. Every visible text (labels, buttons,
// actions and menus, tooltips, window titles, tab texts, header data) is
// split into words; the German run may contain no word that only the English
// source texts use, the English run no word that only the translation uses.
// The two vocabularies come from translations/retell-admin_de.ts itself, so
// a text that bypasses tr() or a message left untranslated is caught.
// Allowed everywhere: product and tool names and user content (branch,
// company, template, user names, version notes).
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/ActionRegistry.h"
#include "app/AppStartup.h"
#include "app/EnglishPlurals.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/DeployDialog.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "panels/TemplatePickerPanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace retell;
using namespace retell::ui;

namespace {

// Names that stay as they are in every language: products, the languages
// as the language menu names them (each in its own language), and the key
// names Qt's own translation keeps ("Strg+Return").
const QStringList kProductNames{QStringLiteral("Retell Agent Admin"),
                                QStringLiteral("Retell AI"),
                                QStringLiteral("Retell"),
                                QStringLiteral("QScintilla"),
                                QStringLiteral("MariaDB"),
                                QStringLiteral("MySQL"),
                                QStringLiteral("American English"),
                                QStringLiteral("English"),
                                QStringLiteral("Deutsch"),
                                QStringLiteral("Return"),
                                QStringLiteral("Alt")};

QString plain(QString text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(tags);
    text.replace(QLatin1String("&&"), QLatin1String("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

// Lower-case words of letters only; identifiers with "_" (tool names,
// variables) are not words of a language.
QSet<QString> wordsOf(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression word(QStringLiteral("[\\w'’]+"));
    for (auto it = word.globalMatch(plain(text)); it.hasNext();) {
        const QString w = it.next().captured().toLower();
        if (w.contains(QLatin1Char('_')) || w.size() < 2)
            continue;
        if (std::all_of(w.cbegin(), w.cend(), [](QChar c) { return c.isLetter(); }))
            out.insert(w);
    }
    return out;
}

struct Vocabulary
{
    QSet<QString> englishOnly;
    QSet<QString> germanOnly;
    int messages = 0;
};

Vocabulary readVocabulary(const QString &tsPath)
{
    QFile file(tsPath);
    Vocabulary v;
    if (!file.open(QIODevice::ReadOnly))
        return v;
    QSet<QString> english;
    QSet<QString> german;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            english += wordsOf(xml.readElementText());
            ++v.messages;
        } else if (xml.name() == QLatin1String("translation") ||
                   xml.name() == QLatin1String("numerusform")) {
            german += wordsOf(xml.readElementText(QXmlStreamReader::IncludeChildElements));
        }
    }
    v.englishOnly = english - german;
    v.germanOnly = german - english;
    return v;
}

// One text a person sees, and where.
struct Seen
{
    QString where;
    QString text;
};

class TextWalker
{
public:
    QList<Seen> seen;

    void add(const QString &where, const QString &text)
    {
        if (!text.trimmed().isEmpty())
            seen.append({where, text});
    }

    void actions(const QString &where, const QList<QAction *> &list)
    {
        for (QAction *a : list) {
            if (!a->isVisible() || a->isSeparator())
                continue;
            const QString here = where + QLatin1Char('/') + a->objectName();
            add(here + QStringLiteral(" text"), a->text());
            add(here + QStringLiteral(" tooltip"), a->toolTip());
            add(here + QStringLiteral(" status tip"), a->statusTip());
            if (a->menu()) {
                add(here + QStringLiteral(" menu title"), a->menu()->title());
                actions(here, a->menu()->actions());
            }
        }
    }

    void window(QWidget *top)
    {
        const QString name = QString::fromLatin1(top->metaObject()->className());
        add(name + QStringLiteral(" title"), top->windowTitle());
        QList<QWidget *> widgets = top->findChildren<QWidget *>();
        widgets.prepend(top);
        for (QWidget *w : widgets) {
            if (w != top && (!w->isVisibleTo(top) || w->isWindow()))
                continue;
            const QString where = name + QLatin1Char('/') +
                                  QString::fromLatin1(w->metaObject()->className()) +
                                  QLatin1Char('#') + w->objectName();
            add(where + QStringLiteral(" tooltip"), w->toolTip());
            add(where + QStringLiteral(" accessible name"), w->accessibleName());
            actions(where, w->actions());
            if (auto *label = qobject_cast<QLabel *>(w))
                add(where, label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(where, button->text());
            else if (auto *edit = qobject_cast<QLineEdit *>(w))
                add(where + QStringLiteral(" placeholder"), edit->placeholderText());
            else if (auto *plainEdit = qobject_cast<QPlainTextEdit *>(w);
                     plainEdit && plainEdit->isReadOnly())
                add(where + QStringLiteral(" text"), plainEdit->toPlainText());
            else if (auto *plainEdit = qobject_cast<QPlainTextEdit *>(w))
                add(where + QStringLiteral(" placeholder"), plainEdit->placeholderText());
            else if (auto *browser = qobject_cast<QTextBrowser *>(w))
                add(where, browser->toPlainText());
            else if (auto *group = qobject_cast<QGroupBox *>(w))
                add(where, group->title());
            else if (auto *dock = qobject_cast<QDockWidget *>(w))
                add(where + QStringLiteral(" title"), dock->windowTitle());
            if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i) {
                    add(where + QStringLiteral(" tab"), tabs->tabText(i));
                    add(where + QStringLiteral(" tab tooltip"), tabs->tabToolTip(i));
                }
            }
            if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
                const QAbstractItemModel *model = view->model();
                for (int c = 0; c < model->columnCount(); ++c) {
                    add(where + QStringLiteral(" header"),
                        model->headerData(c, Qt::Horizontal).toString());
                    add(where + QStringLiteral(" header tooltip"),
                        model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
                }
            }
        }
    }
};

QList<QWidget *> visibleWindowsOf(const char *className)
{
    QList<QWidget *> found;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->inherits(className) && w->isVisible())
            found << w;
    return found;
}

} // namespace

class TestLanguage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void translationHasBothVocabularies();
    void everyVisibleTextIsInOneLanguage_data();
    void everyVisibleTextIsInOneLanguage();
    void cleanup();

private:
    bool install(const QString &language);
    QSet<QString> contentWords(MainWindow *window) const;

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    Vocabulary m_vocabulary;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

void TestLanguage::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    m_vocabulary =
        readVocabulary(QStringLiteral(RETELL_SOURCE_DIR "/translations/retell-admin_de.ts"));
}

void TestLanguage::cleanup()
{
    for (const auto &t : m_translators)
        QApplication::removeTranslator(t.get());
    m_translators.clear();
    QLocale::setDefault(QLocale::c());
    // The next run starts without the draft this one left behind.
    QDir(m_env.draftRoot()).removeRecursively();
}

// As the app starts in a language: Qt's own translation for the standard
// dialogs, the app's, and numbers and dates in that language.
bool TestLanguage::install(const QString &language)
{
    if (language == QLatin1String("de")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_de"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            m_translators.push_back(std::move(qt));
        auto app = std::make_unique<QTranslator>();
        if (!app->load(QStringLiteral(":/i18n/retell-admin_de.qm")))
            return false;
        m_translators.push_back(std::move(app));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    } else {
        m_translators.push_back(std::make_unique<EnglishPlurals>());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    for (const auto &t : m_translators)
        QApplication::installTranslator(t.get());
    return true;
}

// User content and names: the branches and companies, the templates, the
// history's authors and notes, the user, the branch's tool names.
QSet<QString> TestLanguage::contentWords(MainWindow *window) const
{
    QSet<QString> words;
    for (const core::Branch &b : window->branchTree()->branches())
        words += wordsOf(b.name + QLatin1Char(' ') + b.companyName);
    for (const core::Template &t : window->templatePanel()->templates())
        words += wordsOf(t.name + QLatin1Char(' ') + t.description + QLatin1Char(' ') +
                         t.companyName + QLatin1Char(' ') + t.config.prompt);
    const HistoryModel *history = window->historyPanel()->model();
    for (int row = 0; row < history->rowCount(); ++row) {
        const core::VersionSummary &s = history->summary(row);
        words += wordsOf(s.deployedByName + QLatin1Char(' ') + s.notes + QLatin1Char(' ') +
                         s.templateName);
    }
    const core::Actor &actor = window->session()->actor();
    words += wordsOf(actor.user.name + QLatin1Char(' ') + actor.user.email);
    const QJsonArray tools =
        QJsonDocument::fromJson(window->agentPanel()->editor()->config().toolsJson.toUtf8())
            .array();
    for (const QJsonValue &tool : tools)
        words += wordsOf(tool.toObject().value(QLatin1String("name")).toString());
    return words;
}

void TestLanguage::translationHasBothVocabularies()
{
    // A sanity check of the yardstick: the catalogue is there and the two
    // languages differ in their everyday words.
    QVERIFY2(m_vocabulary.messages > 500, "translations/retell-admin_de.ts not read");
    for (const char *w : {"the", "and", "deploy", "branch"})
        QVERIFY2(m_vocabulary.englishOnly.contains(QString::fromLatin1(w)), w);
    for (const char *w : {"filiale", "bereitstellen", "und", "vorlage"})
        QVERIFY2(m_vocabulary.germanOnly.contains(QString::fromLatin1(w)), w);
}

void TestLanguage::everyVisibleTextIsInOneLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("English") << QStringLiteral("en");
}

void TestLanguage::everyVisibleTextIsInOneLanguage()
{
    QFETCH(QString, language);
    QVERIFY2(install(language), "the German catalogue :/i18n/retell-admin_de.qm is not embedded");
    auto actor = test::login(m_context, core::demo::kSuperAdmin);
    QVERIFY(actor.ok());
    Settings settings;
    auto window =
        std::make_unique<MainWindow>(std::make_shared<Session>(m_context, actor.value(), &m_worker),
                                     &settings, m_env.draftRoot());
    window->resize(1366, 768);
    window->show();
    window->start();
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    QVERIFY(window->agentPanel()->branch());
    QTRY_VERIFY(window->agentPanel()->editor()->isValidationCurrent());
    QTRY_VERIFY_WITH_TIMEOUT(window->historyPanel()->model()->rowCount() > 0, 10000);

    TextWalker walker;
    walker.window(window.get());
    auto *shortcuts = ActionRegistry::createShortcutsPage(window->keyboardTable(), window.get());
    walker.window(shortcuts);
    shortcuts->close();

    // An edit, then the deploy dialog and the comparison with the active version.
    window->agentPanel()->editor()->promptEditor()->insertAt(QStringLiteral("Hallo. "), 0, 0);
    QTRY_VERIFY(window->agentPanel()->editor()->isValidationCurrent());
    window->action(QStringLiteral("deployAction"))->trigger();
    DeployDialog *dialog = window->agentPanel()->deployDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    walker.window(dialog);
    dialog->reject();
    QTRY_VERIFY(!window->agentPanel()->deployDialog());

    window->action(QStringLiteral("compareDraftAction"))->trigger();
    QTRY_COMPARE(visibleWindowsOf("retell::ui::DiffWindow").size(), 1);
    auto *diff = qobject_cast<DiffWindow *>(visibleWindowsOf("retell::ui::DiffWindow").first());
    QVERIFY(diff);
    QTRY_VERIFY_WITH_TIMEOUT(!diff->view()->isComputing(), 10000);
    walker.window(diff);
    diff->close();

    const QSet<QString> &foreign =
        language == QLatin1String("de") ? m_vocabulary.englishOnly : m_vocabulary.germanOnly;
    QSet<QString> allowed = contentWords(window.get());
    for (const QString &name : kProductNames)
        allowed += wordsOf(name);
    QStringList problems;
    for (const Seen &s : std::as_const(walker.seen)) {
        QString text = s.text;
        for (const QString &name : kProductNames)
            text.remove(name);
        QStringList bad;
        for (const QString &w : wordsOf(text))
            if (foreign.contains(w) && !allowed.contains(w))
                bad << w;
        if (!bad.isEmpty()) {
            bad.sort();
            problems << QStringLiteral("%1: \"%2\" (%3)")
                            .arg(s.where, s.text.left(160), bad.join(QLatin1String(", ")));
        }
    }
    QVERIFY2(walker.seen.size() > 100, qPrintable(QString::number(walker.seen.size())));
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 texts in the other language:\n").arg(problems.size()) +
                        problems.join(QLatin1Char('\n'))));
    window->close();
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"

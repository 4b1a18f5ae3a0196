#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace retell::ui {

// The line under the branch header that says whether the active version is
// what Retell's phone agent speaks (issue 15): live as Retell version D; not
// live yet, with the reason and Publish Now; not linked; or a newer edit made
// in Retell's dashboard, with Show Diff, Import… and Overwrite…. It shows
// what it is told; RetellUi decides and acts.
class LiveBadge final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveBadge)

public:
    enum class Kind
    {
        Hidden, // no branch, or working offline
        Checking,
        NotLinked,
        Live,
        NotLiveYet,
        DashboardEdit,
        Unknown // Retell could not be asked
    };

    explicit LiveBadge(QWidget *parent = nullptr);
    ~LiveBadge() override;

    // text: one sentence; canAct: the user may publish, import, overwrite, link.
    void showState(Kind kind, const QString &text, bool canAct);
    Kind kind() const { return m_kind; }
    QString text() const;

    QPushButton *publishButton() const { return m_publish; }
    QPushButton *diffButton() const { return m_diff; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *overwriteButton() const { return m_overwrite; }
    QPushButton *linkButton() const { return m_link; }

signals:
    void publishRequested();
    void diffRequested();
    void importRequested();
    void overwriteRequested();
    void linkRequested();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_label = nullptr;
    QPushButton *m_publish = nullptr;
    QPushButton *m_diff = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_overwrite = nullptr;
    QPushButton *m_link = nullptr;
    Kind m_kind = Kind::Hidden;
};

} // namespace retell::ui

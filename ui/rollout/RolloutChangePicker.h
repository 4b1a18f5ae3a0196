#pragma once

#include "rollout/Rollout.h"

#include <QGroupBox>

#include <functional>

class QComboBox;
class QRadioButton;
class QSpinBox;

namespace retell::ui {

class HistoryFacade;

// Which change a rollout carries (issue 13 §3): a template as a whole, or
// the edit between two versions of one branch ("the edit I made in Berlin").
class RolloutChangePicker final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutChangePicker)

public:
    explicit RolloutChangePicker(HistoryFacade *history, QWidget *parent = nullptr);
    ~RolloutChangePicker() override;

    void setTemplates(const QList<core::Template> &templates);
    // The branches whose versions may be the change (those with versions).
    void setBranches(const QList<core::Branch> &branches);
    bool chooseTemplate(const QString &name);
    bool chooseVersions(const QString &branchId, int from, int to);

    // The chosen change; the two versions are read on the worker first.
    void build(std::function<void(core::Result<core::RolloutChange>)> done);

    QRadioButton *templateRadio() const { return m_templateRadio; }
    QRadioButton *versionsRadio() const { return m_versionsRadio; }
    QComboBox *templateBox() const { return m_template; }
    QComboBox *branchBox() const { return m_branch; }
    QSpinBox *fromBox() const { return m_from; }
    QSpinBox *toBox() const { return m_to; }

signals:
    void changed();

private:
    void onBranchChosen();
    void updateEnabled();

    HistoryFacade *m_history;
    QRadioButton *m_templateRadio;
    QRadioButton *m_versionsRadio;
    QComboBox *m_template;
    QComboBox *m_branch;
    QSpinBox *m_from;
    QSpinBox *m_to;
    QList<core::Template> m_templates;
    QList<core::Branch> m_branches;
};

} // namespace retell::ui

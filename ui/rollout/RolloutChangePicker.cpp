#include "rollout/RolloutChangePicker.h"

#include "services/HistoryFacade.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>

#include <algorithm>

namespace retell::ui {

RolloutChangePicker::RolloutChangePicker(HistoryFacade *history, QWidget *parent)
    : QGroupBox(tr("Change"), parent), m_history(history),
      m_templateRadio(new QRadioButton(tr("A &template as a whole:"), this)),
      m_versionsRadio(new QRadioButton(tr("The &edit between two versions of:"), this)),
      m_template(new QComboBox(this)), m_branch(new QComboBox(this)), m_from(new QSpinBox(this)),
      m_to(new QSpinBox(this))
{
    setObjectName(QStringLiteral("rolloutChange"));
    m_templateRadio->setObjectName(QStringLiteral("rolloutTemplateRadio"));
    m_versionsRadio->setObjectName(QStringLiteral("rolloutVersionsRadio"));
    m_template->setObjectName(QStringLiteral("rolloutTemplate"));
    m_branch->setObjectName(QStringLiteral("rolloutSourceBranch"));
    m_from->setObjectName(QStringLiteral("rolloutFromVersion"));
    m_to->setObjectName(QStringLiteral("rolloutToVersion"));
    for (QSpinBox *box : {m_from, m_to}) {
        box->setPrefix(QStringLiteral("v"));
        box->setRange(1, 1);
    }
    m_template->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_branch->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_versionsRadio->setChecked(true);

    auto *fromLabel = new QLabel(tr("&from"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("t&o"), this);
    toLabel->setBuddy(m_to);
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_versionsRadio, 0, 0);
    layout->addWidget(m_branch, 0, 1);
    layout->addWidget(fromLabel, 0, 2);
    layout->addWidget(m_from, 0, 3);
    layout->addWidget(toLabel, 0, 4);
    layout->addWidget(m_to, 0, 5);
    layout->addWidget(m_templateRadio, 1, 0);
    layout->addWidget(m_template, 1, 1);
    layout->setColumnStretch(6, 1);

    connect(m_templateRadio, &QRadioButton::toggled, this, &RolloutChangePicker::updateEnabled);
    connect(m_branch, &QComboBox::currentIndexChanged, this, &RolloutChangePicker::onBranchChosen);
    for (QComboBox *box : {m_template, m_branch})
        connect(box, &QComboBox::currentIndexChanged, this, &RolloutChangePicker::changed);
    for (QSpinBox *box : {m_from, m_to})
        connect(box, &QSpinBox::valueChanged, this, &RolloutChangePicker::changed);
    updateEnabled();
}

RolloutChangePicker::~RolloutChangePicker() = default;

void RolloutChangePicker::setTemplates(const QList<core::Template> &templates)
{
    const QString current = m_template->currentText();
    m_templates = templates;
    m_template->clear();
    for (const core::Template &t : templates)
        m_template->addItem(t.name);
    m_template->setCurrentIndex(std::max(0, m_template->findText(current)));
}

void RolloutChangePicker::setBranches(const QList<core::Branch> &branches)
{
    const QString current = m_branch->currentData().toString();
    m_branches.clear();
    m_branch->clear();
    for (const core::Branch &b : branches) {
        if (b.activeVersion.value_or(0) < 2)
            continue; // one version holds no edit
        m_branches << b;
        m_branch->addItem(tr("%1 › %2").arg(b.companyName, b.name), b.id);
    }
    m_branch->setCurrentIndex(std::max(0, m_branch->findData(current)));
    if (m_branch->count() == 0)
        m_templateRadio->setChecked(true);
    updateEnabled();
}

void RolloutChangePicker::onBranchChosen()
{
    const int index = m_branch->currentIndex();
    if (index < 0 || index >= m_branches.size())
        return;
    const int active = m_branches.at(index).activeVersion.value_or(1);
    m_from->setRange(1, active);
    m_to->setRange(1, active);
    m_to->setValue(active);
    m_from->setValue(std::max(1, active - 1));
}

void RolloutChangePicker::updateEnabled()
{
    const bool versions = m_versionsRadio->isChecked();
    m_versionsRadio->setEnabled(m_branch->count() > 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_branch, m_from, m_to})
        w->setEnabled(versions && m_branch->count() > 0);
    m_template->setEnabled(!versions);
    emit changed();
}

bool RolloutChangePicker::chooseTemplate(const QString &name)
{
    const int index = m_template->findText(name);
    if (index < 0)
        return false;
    m_templateRadio->setChecked(true);
    m_template->setCurrentIndex(index);
    return true;
}

bool RolloutChangePicker::chooseVersions(const QString &branchId, int from, int to)
{
    const int index = m_branch->findData(branchId);
    if (index < 0)
        return false;
    m_versionsRadio->setChecked(true);
    m_branch->setCurrentIndex(index);
    m_from->setValue(from);
    m_to->setValue(to);
    return true;
}

void RolloutChangePicker::build(std::function<void(core::Result<core::RolloutChange>)> done)
{
    if (m_templateRadio->isChecked()) {
        const int index = m_template->currentIndex();
        if (index < 0 || index >= m_templates.size()) {
            done(core::Error::usage(tr("Choose the template to roll out.")));
            return;
        }
        const core::Template &t = m_templates.at(index);
        done(core::RolloutChange::wholeTemplate(t.name, t.config));
        return;
    }
    const int index = m_branch->currentIndex();
    if (index < 0 || index >= m_branches.size()) {
        done(core::Error::usage(tr("Choose the branch whose edit to roll out.")));
        return;
    }
    const int from = m_from->value();
    const int to = m_to->value();
    if (from == to) {
        done(core::Error::usage(tr("Choose two different versions: the edit is what changed "
                                   "from the first to the second.")));
        return;
    }
    const core::Branch branch = m_branches.at(index);
    m_history->versions(
        this, branch.id, from, to,
        [branch, from, to, done = std::move(done)](core::Result<HistoryFacade::VersionPair> pair) {
            if (!pair) {
                done(pair.error());
                return;
            }
            done(core::RolloutChange::difference(
                pair->first.config, pair->second.config,
                QStringLiteral("%1@%2 -> %1@%3").arg(branch.name).arg(from).arg(to)));
        });
}

} // namespace retell::ui

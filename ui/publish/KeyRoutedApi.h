#pragma once

#include "publish/RetellApi.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace retell::ui {

// Which API key a Retell call uses, by the agent or LLM id it names: each
// company may keep its own key (issue 15 §1), and one background publish or
// drift check covers the branches of several companies. Ids not listed use
// the fallback key; without one, the call fails with retell.no_key (the
// publication stays pending and is retried).
struct KeyRouting
{
    QUrl baseUrl;
    QHash<QString, QString> keyById; // agent or LLM id -> key
    QString fallbackKey;             // the global key, may be empty
};

// A factory of RetellApis that choose the key per call as routing says,
// each made through `make` (the HTTP client, or a test's stand-in).
using EndpointApiFactory =
    std::function<std::unique_ptr<core::RetellApi>(const QUrl &baseUrl, const QString &key)>;
core::RetellApiFactory keyRoutedFactory(KeyRouting routing, EndpointApiFactory make);

} // namespace retell::ui

#pragma once

#include "domain/Finding.h"

#include <QHash>
#include <QList>
#include <QStringView>

namespace retell::core::detail {

// A prompt location with its 1-based line/column, recorded during the scan.
struct TextSpot
{
    int offset = 0;
    int length = 0;
    int line = 0;
    int column = 0;
};

struct VariableUse
{
    QStringView name; // trimmed, points into the scanned text
    TextSpot first;   // the whole "{{ name }}" placeholder of the first use
    int count = 0;
};

struct PromptScan
{
    int tokens = 0;
    QList<VariableUse> variables;                // in order of first use
    QHash<QStringView, qsizetype> variableIndex; // name -> index in variables
    // Identifier-like words containing '_' or '-' outside placeholders, at
    // their first use: candidates for tool mentions.
    QHash<QStringView, TextSpot> identifiers;
    // The identifiers the prompt refers to as tools somewhere: name(...),
    // "call/invoke/trigger [the] `name`", "[use the] name tool/function".
    // Only these can be "mentioned but not defined"; ordinary snake_case words
    // (field names, variables said in prose) are not tool mentions.
    QHash<QStringView, TextSpot> toolReferences;
    QList<Finding> findings; // brace and placeholder syntax
};

enum class ScanMode
{
    TokensOnly,
    Full
};

// One linear pass over the prompt: estimates tokens and, in Full mode,
// collects placeholders, identifiers and brace findings. No allocation per
// character; the views in `out` point into `text`.
void scanPrompt(QStringView text, ScanMode mode, PromptScan &out);

// Retell variable names: a letter or '_' first, then letters, digits and
// "_-./+" (the slash and plus appear in current_time_Europe/Berlin, Etc/GMT+1).
bool isValidVariableName(QStringView name);

} // namespace retell::core::detail

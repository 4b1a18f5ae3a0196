#pragma once

// Prompt paragraphs for the moved-paragraph suites (viewer and CLI).

#include <QByteArray>

namespace retell::test::paragraphs {

inline const QByteArray kGreeting = "Greet the caller warmly and name the salon.\n"
                                    "Ask for the caller's name before anything else.\n"
                                    "Speak slowly and clearly at all times.\n";
inline const QByteArray kBooking = "Offer the next three free appointment slots.\n"
                                   "Confirm the chosen slot with date and stylist.\n";
inline const QByteArray kClosing = "End every call by thanking the caller.\n"
                                   "Use end_call once the caller says goodbye.\n";

} // namespace retell::test::paragraphs

//===- FlowChecks.h - judging where personal data goes ---------*- C++ -*-===//
//
// The checks that judge the flows Dataflow.h finds against the policy. Each
// lives in its own file, named after its check, with its entry point
// check<Check> (RunChecks.h) running its judge<Check> on the translation
// unit's flows; they share the wording of notes (the path the data took)
// from FlowNotes.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_FLOWCHECKS_H
#define PRIVACY_FLOWCHECKS_H

#include "privacy/Dataflow.h"
#include "privacy/Findings.h"
#include "privacy/Policy.h"

#include "clang/Basic/SourceManager.h"

namespace privacy {

/// privacy-cross-border-transfer: an item sent to a recipient abroad that
/// the policy does not declare for it, or to another country than the
/// policy's.
void judgeCrossBorderTransfer(const TranslationUnitFlows &Flows,
                              const Policy &P, FindingSink &Sink);

/// privacy-undeclared-recipient: a recipient the policy does not name, a
/// domestic recipient not declared for the item, a recipient the policy does
/// not declare for the purpose of the sending code, or a network API
/// reached with no declared recipient on the way.
void judgeUndeclaredRecipient(const TranslationUnitFlows &Flows,
                              const Policy &P, FindingSink &Sink);

/// privacy-undeclared-recipient's finding for \p Item sent to \p Recipient
/// by code running under \p Purpose (inherited from \p CalledFrom when not
/// empty), when the policy lists the recipient's purposes without it.
std::optional<reason::RecipientUndeclaredForPurpose>
judgeRecipientPurpose(const Policy &P, const std::string &Recipient,
                      const std::string &Item, const std::string &Purpose,
                      const std::string &CalledFrom);

/// privacy-undeclared-storage: a store the policy does not name, one not
/// declared for the item, or a storage API reached with no declared store.
void judgeUndeclaredStorage(const TranslationUnitFlows &Flows, const Policy &P,
                            FindingSink &Sink);

/// privacy-log-leak: an item written to logs that the policy's store "logs"
/// does not list.
void judgeLogLeak(const TranslationUnitFlows &Flows, const Policy &P,
                  FindingSink &Sink);

/// Every finding of the four flow checks for \p Item reaching \p Site
/// (without notes; the location is the site's). privacy-scan's join judges
/// the flows it joins across translation units with it.
std::vector<FindingFacts> judgeSinkItemFacts(const Policy &P,
                                             const SinkSite &Site,
                                             const std::string &Item);

/// The same findings worded (Messages.h), as the join takes them today.
std::vector<Finding> judgeSinkItem(const Policy &P, const SinkSite &Site,
                                   const std::string &Item);

/// The notes that walk an item's path to a sink, then where the sink was
/// declared.
std::vector<PathNote> flowNotes(const Trace &Path, const SinkSite &Site);

/// Calls \p Report for each (flow, item) of \p Kind, in source order.
template <typename Fn>
void forEachItemFlow(const TranslationUnitFlows &Flows, SinkKind Kind,
                     Fn Report) {
  for (const SinkFlow &F : Flows.SinkFlows)
    if (F.Site.Kind == Kind)
      for (const auto &[Item, Path] : F.Data.labels())
        if (!isPlaceholder(Item) && !isMarker(Item))
          Report(F, Item, Path);
}

} // namespace privacy

#endif // PRIVACY_FLOWCHECKS_H

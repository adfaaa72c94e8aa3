//===- FlowNotes.cpp - the path personal data took, as notes --------------===//
#include "privacy/FlowChecks.h"

namespace privacy {

std::vector<FindingNote> flowNotes(const Trace &Path, const SinkSite &Site) {
  std::vector<FindingNote> Notes;
  for (const FlowStep &Step : traceSteps(Path))
    if (Step.Loc.isValid())
      Notes.push_back({Step.Loc, Step.Message});
  if (Site.DeclaredAt.isValid()) {
    std::string What;
    switch (Site.Kind) {
    case SinkKind::Transfer:
      What = "recipient '" + Site.Target + "'";
      break;
    case SinkKind::Store:
      What = "store '" + Site.Target + "'";
      break;
    case SinkKind::Log:
      What = "logging";
      break;
    case SinkKind::Network:
      What = "network";
      break;
    case SinkKind::Purpose:
      What = "purpose '" + Site.Target + "'";
      break;
    }
    Notes.push_back({Site.DeclaredAt, What + " is declared here"});
  } else if (!Site.CatalogEntry.empty()) {
    Notes.push_back({Site.Loc, Site.Via + " is a " +
                                   sinkKindName(Site.Kind).str() +
                                   " sink of the API catalog (" +
                                   Site.CatalogEntry + ")"});
  }
  return Notes;
}

namespace {
struct CollectingSink : FindingSink {
  std::vector<Finding> Found;
  void report(const Finding &F) override { Found.push_back(F); }
};
} // namespace

std::vector<Finding> judgeSinkItem(const Policy &P, const SinkSite &Site,
                                   const std::string &Item) {
  TranslationUnitFlows One;
  SinkFlow F;
  F.Site = Site;
  F.Data.add(Item, nullptr);
  One.SinkFlows.push_back(F);
  CollectingSink Sink;
  judgeCrossBorderTransfer(One, P, Sink);
  judgeUndeclaredRecipient(One, P, Sink);
  judgeUndeclaredStorage(One, P, Sink);
  judgeLogLeak(One, P, Sink);
  for (Finding &Found : Sink.Found)
    Found.Notes.clear();
  return Sink.Found;
}

} // namespace privacy

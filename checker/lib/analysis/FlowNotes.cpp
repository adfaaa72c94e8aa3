//===- FlowNotes.cpp - the path personal data took, as notes --------------===//
#include "privacy/FlowChecks.h"
#include "privacy/Messages.h"

namespace privacy {

std::vector<PathNote> flowNotes(const Trace &Path, const SinkSite &Site) {
  std::vector<PathNote> Notes;
  for (const FlowStep &Step : traceSteps(Path))
    if (Step.Loc.isValid())
      Notes.push_back({Step.Loc, note::FlowStep{Step.Message}});
  if (Site.DeclaredAt.isValid())
    Notes.push_back(
        {Site.DeclaredAt, note::SinkDeclared{Site.Kind, Site.Target}});
  else if (!Site.CatalogEntry.empty())
    Notes.push_back(
        {Site.Loc, note::CatalogSink{Site.Kind, Site.Via, Site.CatalogEntry}});
  return Notes;
}

namespace {
struct CollectingSink : FindingSink {
  std::vector<FindingFacts> Found;
  void report(const FindingFacts &F) override { Found.push_back(F); }
};
} // namespace

std::vector<FindingFacts> judgeSinkItemFacts(const Policy &P,
                                             const SinkSite &Site,
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
  for (FindingFacts &Found : Sink.Found)
    Found.Notes.clear();
  return Sink.Found;
}

std::vector<Finding> judgeSinkItem(const Policy &P, const SinkSite &Site,
                                   const std::string &Item) {
  std::vector<Finding> Worded;
  for (const FindingFacts &F : judgeSinkItemFacts(P, Site, Item))
    Worded.push_back(wordFinding(F));
  return Worded;
}

} // namespace privacy

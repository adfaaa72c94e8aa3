//===- AnalysisLimits.h - every bound of the analysis ----------*- C++ -*-===//
//
// The analysis is bounded so that it ends, and ends in time, on any code.
// Every numeric cut-off is here, named, with why it is what it is;
// docs/limitations.md names them for users. Where a bound loses precision
// of the findings, the engine records each hit (LimitHit in Dataflow.h) and
// privacy-scan and the compiler plugin print a note; bounds that only
// shorten an explanation, or that real code does not reach, are not
// reported (each says so below).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_ANALYSISLIMITS_H
#define PRIVACY_ANALYSISLIMITS_H

#include <cstddef>

namespace privacy {

//===----------------------------------------------------------------------===//
// Within a function (checker/lib/analysis/dataflow).
//===----------------------------------------------------------------------===//

/// Rounds over a function's CFG to a fixpoint: more than the lattice of a
/// real function needs (states only grow). Reported when hit.
inline constexpr int MaxFixpointRounds = 12;

/// Rounds over a translation unit: the second analyses again, once, the
/// functions that read a field or global holding functions before it was
/// filled. Reported when a slot still grew in the last round.
inline constexpr int MaxSlotRounds = 2;

/// Placeholders one value carries: they multiply along call chains in code
/// that handles no personal data at all; past this, further ones are folded
/// to their parameter (never the items). Reported when a value reaches it.
inline constexpr std::size_t MaxPlaceholderLabels = 32;

/// Fields a placeholder names ("$p0.a.b"): deeper ones are folded into the
/// enclosing field. Reported when a deeper one is folded.
inline constexpr std::size_t MaxPlaceholderFields = 2;

/// Callers a callback is passed on through and still resolved: code that
/// passes a handful of handlers through every layer (parsers, event loops)
/// would otherwise carry them all everywhere. Reported when hit.
inline constexpr unsigned MaxCallbackHops = 3;

/// Calls through function values one summary keeps, for the same reason.
/// Reported when hit.
inline constexpr std::size_t MaxIndirectCalls = 64;

/// Calls through function values nested in one another's targets (a
/// callback calling a callback...) followed from one call; deeper ones
/// are conservative. Reported when hit.
inline constexpr int MaxIndirectCallNesting = 4;

/// Levels of nested structs whose annotated fields a whole object carries:
/// deeper ones are not read as sources. Reported when hit.
inline constexpr int MaxRecordNesting = 3;

/// Layers of arrays, pointers and template arguments looked through to tell
/// whether a type may hold a function. Not reported: a type question with
/// no function to name, and no real type nests that deep.
inline constexpr int MaxFunctionTypeNesting = 6;

/// Calls into the standard library's helpers looked through to find the
/// constructor that std::make_unique, std::make_shared, emplace_back or a
/// map's try_emplace runs (allocator_traits, construct_at: three or four in
/// libstdc++ and libc++; a map's node and piecewise pair, about ten). Not
/// reported: past it the call is the library's, whose catalog entry applies
/// (docs/limitations.md, "Constructors").
inline constexpr unsigned MaxBuilderSearchDepth = 12;

/// Expressions looked up from a read to find the consent check it is an
/// argument of. Not reported: a heuristic search, not a loss of data.
inline constexpr int MaxConsentCallSearch = 6;

/// Calls in a chain `os << a << b ...` followed back to the stream. Not
/// reported: a guard against malformed ASTs.
inline constexpr int MaxStreamChain = 64;

/// Steps of a path kept for its notes: a note list a person can read. Not
/// reported: it shortens the explanation, never the findings.
inline constexpr unsigned MaxTraceLength = 24;

//===----------------------------------------------------------------------===//
// Consent guards (checker/lib/analysis/ConsentGuards.cpp).
//===----------------------------------------------------------------------===//

/// Notes on the path where a consent is not known: the last ones, nearest
/// the use. Not reported: it shortens the explanation.
inline constexpr std::size_t MaxConsentPathNotes = 6;

/// Rounds over a function's CFG blocks until the consents known stop
/// changing. Not reported: a must-analysis over a function settles in a
/// few rounds; the bound only guards against a pathological graph, after
/// which the facts of the last round stand.
inline constexpr int MaxConsentBlockRounds = 64;

/// Rounds of the least fixpoint that finds consent wrappers (a function
/// whose `true` implies a consent check), i.e. how deep a wrapper of a
/// wrapper is recognised. Not reported: a deeper wrapper guards nothing, as
/// an unknown condition does (docs/limitations.md).
inline constexpr int MaxConsentWrapperRounds = 8;

/// Local variables followed back to their initialiser to find whose data
/// or whose consent an expression is about (`int uid = m.id;`). Not
/// reported: past it, the subject is unknown and guards everyone.
inline constexpr int MaxConsentSubjectAliases = 4;

//===----------------------------------------------------------------------===//
// privacy-scan's per-TU summaries and join (checker/scan).
//===----------------------------------------------------------------------===//

/// Steps of a long path a summary keeps at its start and at its end: a path
/// that crosses files grows again in the join, and summaries of large files
/// would otherwise repeat every path in every argument. Not reported.
inline constexpr std::size_t SummaryTraceHead = 6;
inline constexpr std::size_t SummaryTraceTail = 6;

/// Rounds of the join's fixpoints: flows across files, and the outer round
/// of flows, returns and callbacks. Not reported: the join works on
/// summaries, after the notes are printed. (Its consent fixpoints have no
/// bound: their sets only shrink or only grow.)
inline constexpr int MaxJoinFlowRounds = 16;
inline constexpr int MaxJoinRounds = 8;

/// Calls into further files the join follows inside a callee's return
/// value (a function of another file returning what its own call into a
/// third returns). Not reported: beyond it the result keeps the placeholder
/// and is resolved only for flows in the function that made that call.
inline constexpr int MaxJoinReturnDepth = 4;

/// Callers in other files a callback is resolved through in the join.
inline constexpr int MaxJoinCallbackDepth = 4;

/// Steps followed back from a statement argument to the SQL text it spells
/// (constructors, concatenations, variables). Not reported: text not found
/// counts as a statement that reads (docs/limitations.md, "SQL
/// statements").
inline constexpr unsigned MaxSqlTextDepth = 8;

} // namespace privacy

#endif // PRIVACY_ANALYSISLIMITS_H

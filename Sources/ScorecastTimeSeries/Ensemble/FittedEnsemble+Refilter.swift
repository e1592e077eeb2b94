import ScorecastCore

extension FittedEnsemble: RefilterableFittedModel {
    /// Every member refiltered on `prefix` (``RefilterableFittedModel``), combined as before.
    ///
    /// A member that cannot be refiltered there (a seasonal ARIMA on a prefix shorter than its
    /// conditioning window) is left out, as ``Ensemble/fit(_:)`` leaves out a member that
    /// cannot be fitted; `nil` only when no member can be refiltered.
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        let refilteredMembers = members.compactMap { $0.refiltered(to: prefix) }
        guard !refilteredMembers.isEmpty else { return nil }
        var notes = memberNotes
        if refilteredMembers.count < members.count {
            notes.append("\(members.count - refilteredMembers.count) member(s) left out: too short a history to refilter them")
        }
        return AnyFittedForecastModel(FittedEnsemble(series: prefix, members: refilteredMembers, combination: combination, notes: notes))
    }
}

import ScorecastCore

extension FittedETS: RefilterableFittedModel {
    /// The same form with the same smoothing parameters and initial state, run on `prefix`
    /// (R forecast's `ets(y, model = fit, use.initial.values = TRUE)`): fitted values,
    /// innovations, final state, variance and criteria are the prefix's. An Akaike-weighted
    /// fit keeps its candidates and their weights, each candidate refiltered (candidates that
    /// fail are left out and the weights renormalised).
    ///
    /// `nil` when the prefix has no more observations than the form has estimated quantities,
    /// or the recursion fails on it (a multiplicative state going negative).
    ///
    /// - Complexity: O(n) per candidate form, one pass of the recursion.
    public func refiltered(to prefix: TimeSeries) -> AnyFittedForecastModel? {
        refilteredModel(to: prefix).map { AnyFittedForecastModel($0) }
    }

    /// ``refiltered(to:)`` as a `FittedETS`.
    func refilteredModel(to prefix: TimeSeries) -> FittedETS? {
        guard var model = refilteredForm(to: prefix) else { return nil }
        guard !ensemble.isEmpty else { return model }
        var members: [(weight: Double, model: FittedETS)] = []
        for member in ensemble {
            if let refiltered = member.model.refilteredForm(to: prefix) { members.append((member.weight, refiltered)) }
        }
        let total = members.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return model }
        model.ensemble = members.map { (weight: $0.weight / total, model: $0.model) }
        return model
    }

    /// This form alone (no Akaike-weighted candidates) run on `prefix` through the fit's own
    /// final pass (``ETS/makeFitted(form:m:point:smoothingCount:setUp:series:notes:)``).
    private func refilteredForm(to prefix: TimeSeries) -> FittedETS? {
        var point = LikelihoodObjective.smoothingVector(parameters, form: form)
        let smoothingCount = point.count
        point.append(initialState.level)
        if form.trend != .none { point.append(initialState.trend) }
        // The search vector holds s₀ … s_{m−2}; the last seasonal state is implied.
        if form.season != .none { point += initialState.seasonal.dropLast() }
        guard prefix.observedCount > point.count + 1 else { return nil }
        let spec = ETS(form: form, nmse: nmse, simulationPaths: simulationPaths)
        let setUp = ETS.SharedSetUp(values: prefix.values, m: seasonalPeriod)
        return spec.makeFitted(
            form: form, m: seasonalPeriod, point: point, smoothingCount: smoothingCount, setUp: setUp, series: prefix, notes: notes)
    }
}

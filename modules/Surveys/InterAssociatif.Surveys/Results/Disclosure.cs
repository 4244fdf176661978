namespace InterAssociatif.Surveys.Results;

/// <summary>
/// Statistical disclosure control over a set of published figures tied by linear relations (an
/// option's total is the sum of its two priority levels; a single-choice question's counts add up
/// to the respondents who answered it; a cross-tab's cells add up to their column's respondents and
/// to the option's total). Cells from fewer than <c>k</c> respondents are suppressed (primary), and
/// then further cells (complementary) until no suppressed value can be computed exactly from the
/// published ones by any combination of the relations — checked exactly, by reducing the system
/// of the suppressed unknowns to row echelon form: an unknown is determined iff its reduced row is
/// the unit vector of that unknown. See docs/adr/0011-statistical-disclosure-control.md.
/// </summary>
internal sealed class Disclosure
{
    private readonly List<int> _values = [];
    private readonly List<CellState> _states = [];
    private readonly List<int> _positions = [];
    private readonly List<int[]> _relations = [];

    private enum CellState
    {
        /// <summary>Published whatever happens (respondents, answered): a known value in every relation.</summary>
        Locked,

        /// <summary>Published unless suppression needs it.</summary>
        Open,

        /// <summary>Not published.</summary>
        Suppressed,
    }

    /// <summary>A figure that is always published (e.g. respondents), usable in relations.</summary>
    public int Known(int value) => Add(value, CellState.Locked, int.MaxValue);

    /// <summary>
    /// A figure that may be suppressed; <paramref name="order"/> breaks ties when choosing complements (lower first).
    /// </summary>
    public int Cell(int value, int order) => Add(value, CellState.Open, order);

    /// <summary>A figure already withheld elsewhere (it stays an unknown here).</summary>
    public int Hidden(int value) => Add(value, CellState.Suppressed, int.MaxValue);

    /// <summary>Declares that the first cell equals the sum of the others.</summary>
    public void Sum(int total, IEnumerable<int> parts) => _relations.Add([total, .. parts]);

    public void Suppress(int cell)
    {
        if (_states[cell] == CellState.Open)
        {
            _states[cell] = CellState.Suppressed;
        }
    }

    public bool IsSuppressed(int cell) => _states[cell] == CellState.Suppressed;

    public int Value(int cell) => _values[cell];

    /// <summary>
    /// Suppresses open cells with 0 &lt; value &lt; k, then complements until nothing suppressed is determined.
    /// </summary>
    public void Protect(int k)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            if (_states[i] == CellState.Open && _values[i] > 0 && _values[i] < k)
            {
                _states[i] = CellState.Suppressed;
            }
        }

        while (Determined().FirstOrDefault(-1) is var exposed and >= 0)
        {
            var complement = _relations.Where(r => r.Contains(exposed)).SelectMany(r => r)
                .Where(c => _states[c] == CellState.Open).Distinct()
                .OrderBy(c => _values[c] == 0 ? 1 : 0).ThenBy(c => _values[c]).ThenBy(c => _positions[c])
                .Select(c => (int?)c).FirstOrDefault();
            if (complement is { } chosen)
            {
                _states[chosen] = CellState.Suppressed;
                continue;
            }

            // Nothing open shares a relation with it: the exposed value follows from locked figures
            // alone. Withhold every open cell of its relations' neighbourhood so the loop ends.
            var widened = _relations.Where(r => r.Contains(exposed)).SelectMany(r => r)
                .SelectMany(c => _relations.Where(r => r.Contains(c)).SelectMany(r => r))
                .Where(c => _states[c] == CellState.Open).ToList();
            if (widened.Count == 0)
            {
                return;
            }

            widened.ForEach(c => _states[c] = CellState.Suppressed);
        }
    }

    /// <summary>The suppressed cells whose value the published figures determine exactly.</summary>
    public IEnumerable<int> Determined()
    {
        var unknowns = Enumerable.Range(0, _values.Count).Where(i => _states[i] == CellState.Suppressed).ToList();
        if (unknowns.Count == 0)
        {
            return [];
        }

        var column = unknowns.Select((cell, index) => (cell, index)).ToDictionary(x => x.cell, x => x.index);
        var rows = new List<double[]>();
        foreach (var relation in _relations)
        {
            var row = new double[unknowns.Count];
            var any = false;
            for (var i = 0; i < relation.Length; i++)
            {
                if (column.TryGetValue(relation[i], out var j))
                {
                    row[j] += i == 0 ? 1 : -1;
                    any = true;
                }
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        // Reduced row echelon form; exact enough: coefficients are small integers.
        var pivotRow = 0;
        var pivots = new List<(int Row, int Column)>();
        for (var j = 0; j < unknowns.Count && pivotRow < rows.Count; j++)
        {
            var best = Enumerable.Range(pivotRow, rows.Count - pivotRow).MaxBy(r => Math.Abs(rows[r][j]));
            if (Math.Abs(rows[best][j]) < 1e-9)
            {
                continue;
            }

            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow][j];
            for (var c = 0; c < unknowns.Count; c++)
            {
                rows[pivotRow][c] /= pivot;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (r != pivotRow && Math.Abs(rows[r][j]) > 1e-9)
                {
                    var factor = rows[r][j];
                    for (var c = 0; c < unknowns.Count; c++)
                    {
                        rows[r][c] -= factor * rows[pivotRow][c];
                    }
                }
            }

            pivots.Add((pivotRow, j));
            pivotRow++;
        }

        return pivots
            .Where(p => Enumerable.Range(0, unknowns.Count).All(c => c == p.Column || Math.Abs(rows[p.Row][c]) < 1e-9))
            .Select(p => unknowns[p.Column])
            .ToList();
    }

    private int Add(int value, CellState state, int order)
    {
        _values.Add(value);
        _states.Add(state);
        _positions.Add(order);
        return _values.Count - 1;
    }
}

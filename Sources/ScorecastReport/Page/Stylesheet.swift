/// The page's inline CSS: readable type, NHS-like blues, badges that do not rely on colour
/// alone (each carries its words), print-friendly.
enum Stylesheet {
    static let css = """
        :root { --ink: #231f20; --muted: #555; --line: #d8dde0; --blue: #005eb8; --paper: #fff; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 Arial, Helvetica, sans-serif; color: var(--ink); background: #f0f4f5; }
        header.page { background: var(--blue); color: #fff; padding: 24px 32px; }
        header.page h1 { margin: 0 0 4px; font-size: 28px; }
        header.page p { margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
        section { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: 16px 24px; margin: 16px 0; }
        h2 { margin: 0 0 4px; font-size: 22px; }
        h3 { font-size: 18px; margin: 16px 0 8px; }
        .meta { color: var(--muted); font-size: 14px; margin: 0 0 12px; }
        table { border-collapse: collapse; font-size: 14px; margin: 8px 0; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: right; }
        th { background: #f0f4f5; font-weight: bold; }
        td.text, th.text { text-align: left; }
        .facts { overflow-x: auto; }
        ul.verdicts { list-style: none; padding: 0; margin: 8px 0; }
        ul.verdicts li { margin: 4px 0; }
        .badge { display: inline-block; min-width: 9em; max-width: 100%; overflow-wrap: anywhere; padding: 1px 8px; margin-right: 8px; border-radius: 3px; font-size: 13px; font-weight: bold; border: 1px solid; }
        .tone-neutral { background: #eef0f1; border-color: #a6a6a6; color: #333; }
        .tone-good { background: #e0f5fd; border-color: #00b0f0; color: #00587a; }
        .tone-bad { background: #fdeede; border-color: #e46c0a; color: #7a3a05; }
        .tone-notable { background: #efe6f7; border-color: #490092; color: #490092; }
        .tone-unknown { background: #fff; border-color: #a6a6a6; color: #555; border-style: dashed; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        .charts svg { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .commentary { border-left: 4px solid var(--line); padding-left: 12px; color: var(--muted); font-size: 14px; }
        nav.contents { columns: 16em 3; font-size: 14px; }
        nav.contents a { color: var(--blue); }
        .summary-list li { margin: 4px 0; }
        footer { color: var(--muted); font-size: 13px; text-align: center; padding: 16px; }
        @media print { body { background: #fff; } section { break-inside: avoid; border: none; } header.page { color: #000; background: #fff; } }
        """
}

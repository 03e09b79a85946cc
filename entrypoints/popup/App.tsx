/** Popup root. The claims list and lookup arrive with the popup issue. */
export function App() {
  return (
    <main>
      <h1>Crosscheck</h1>
      <p>The claim corpus is bundled; page checking is not enabled in this build yet.</p>
    </main>
  );
}

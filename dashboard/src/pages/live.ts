// The live feed on its own page.
import { feed } from "./feed";

export async function livePage(root: HTMLElement): Promise<() => void> {
  root.innerHTML = `<h1>Live tasks</h1>
    <p class="lead">Each task is a paid request to run a model on an input. It is submitted, claimed by a
    worker, then completed when the worker's proof is verified. New steps appear at the top as the
    chain makes blocks; open a task to see its input, result and proof.</p><div id="feed"></div>`;
  return feed(root.querySelector("#feed") as HTMLElement, 30);
}

// Bulk actions on the workspace lists: "select all" ticks every case on the page, and stays in step
// when single boxes change. The boxes belong to the bulk form (form="bulk-form"), so nothing else is needed.
document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) {
        return;
    }
    if (box.matches("[data-pick-all]")) {
        document.querySelectorAll("input.pick").forEach((pick) => { pick.checked = box.checked; });
    } else if (box.matches("input.pick")) {
        const all = document.querySelector("[data-pick-all]");
        if (all) {
            const picks = [...document.querySelectorAll("input.pick")];
            all.checked = picks.length > 0 && picks.every((pick) => pick.checked);
        }
    }
});

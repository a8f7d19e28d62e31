// What other screens may use of this feature: the Simulator tab of a location's page, and the
// preview of a form's values (Call Park Settings, a group's side panel) on a timeline.
export { SimulatorTab } from "./components/simulator-tab";
export { SimulationPreview } from "./components/simulation-preview";

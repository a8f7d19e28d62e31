// What other screens may use of this feature: the Simulator tab of a location's page.
export { SimulatorTab } from "./components/simulator-tab";

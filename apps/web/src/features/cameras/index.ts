// What the cameras feature offers other features (they import nothing else of it): the list of the
// cameras around the selected incident, shown in the incident's panel.
export { NearbyCameras } from "./components/NearbyCameras";

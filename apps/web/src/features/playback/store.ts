// The track being replayed and the slider's position in it (shared by the drawer and the map layer).
import type { Track } from "@onemap/shared";
import { create } from "zustand";

export const usePlayback = create<{ track: Track | null; index: number }>(() => ({ track: null, index: 0 }));

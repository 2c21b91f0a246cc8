// What other modules may ask the events module: for now, meetings in words (the
// notifications module words its event_place and event_changed kinds with these).
export { cancelledInWords, movedInWords, whenInWords } from './when-words';

import { prepareServerTemplate } from './support/database.js';

export default async function setup() {
  await prepareServerTemplate();
}

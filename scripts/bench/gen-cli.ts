import { generateContent } from './generate';
generateContent(process.argv[2], Number(process.argv[3]));
